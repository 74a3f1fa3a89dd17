package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-thread working memory for candidate selection: a weight per name, reset lazily by query epoch, so a
 * search allocates little and never clears an array the size of the list.
 */
final class Scratch {
    private final double[] shared;
    private final int[] epochOf;
    private final long[] lastWordOf;
    private final int[] touched;
    private int touchedCount;
    private int epoch;

    Scratch(int names) {
        shared = new double[names];
        epochOf = new int[names];
        lastWordOf = new long[names];
        touched = new int[names];
    }

    int[] candidates(IndexedName q, ScreeningIndex index) {
        epoch++;
        touchedCount = 0;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < q.words.length; i++) {
            keys.clear();
            ScreeningIndex.wordKeys(q.words[i], keys);
            // consonant-skeleton keys are for words written without vowels; a Latin word is reached by its
            // spelling and its sounds, and skipping the skeleton's long posting lists keeps a search short
            // so a Latin word that is a listed word is not looked up by it; one that is not (a misspelling, another
            // romanization: "madjeed", "sadeg") is
            if (!q.words[i].abjad() && index.postings("t:" + q.words[i].text()) != null) keys.removeIf(k -> k.charAt(0) == 'k');
            if (i + 1 < q.words.length) keys.add("t:" + q.joinedPairs[i]);
            long mark = ((long) epoch << 8) | i;
            for (String key : keys) {
                int[] ids = index.postings(key);
                if (ids == null) continue;
                for (int id : ids) {
                    if (epochOf[id] != epoch) {
                        epochOf[id] = epoch;
                        shared[id] = 0;
                        lastWordOf[id] = -1;
                        touched[touchedCount++] = id;
                    }
                    if (lastWordOf[id] == mark) continue; // one word counts once however many keys reach the name
                    lastWordOf[id] = mark;
                    shared[id] += q.weights[i] * keyStrength(key);
                }
            }
        }
        return top(Math.min(ScreeningIndex.CANDIDATES, touchedCount), index);
    }

    /**
     * How much a word reaching a name through this key says: the same word most, the same sound less, the same
     * consonants least. A word's keys are tried in that order, and only its first key to reach a name counts.
     */
    private static double keyStrength(String key) {
        return switch (key.charAt(0)) {
            case 't' -> 1.0;
            case 'p' -> 0.7;
            default -> 0.5;
        };
    }

    /** The k touched names with the most shared weight (partial selection; k is small). */
    private int[] top(int k, ScreeningIndex index) {
        int[] best = new int[k];
        int size = 0;
        for (int t = 0; t < touchedCount; t++) {
            int id = touched[t];
            // a little of the name's own weight is taken off, so of two names the query reaches equally, the
            // one with fewer unmatched words goes first
            double v = shared[id] - 0.05 * index.nameWeights[id];
            shared[id] = v;
            if (size < k) {
                int p = size++;
                while (p > 0 && shared[best[p - 1]] < v) { best[p] = best[p - 1]; p--; }
                best[p] = id;
            } else if (k > 0 && v > shared[best[k - 1]]) {
                int p = k - 1;
                while (p > 0 && shared[best[p - 1]] < v) { best[p] = best[p - 1]; p--; }
                best[p] = id;
            }
        }
        return best;
    }
}
