package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aligns the words of a query with the words of one listed name and scores the alignment.
 *
 * <p>Each word pair gets a similarity: same word 1.0; an initial against a word it starts 0.8; Jaro-Winkler
 * when at least 0.84; at least 0.9 when the Double Metaphone keys agree; at least 0.9 when the consonant
 * skeletons agree and one side came from Arabic or Hebrew script. Two adjacent words may also meet one
 * ("jin ping" and "jinping"). Pairs are taken greedily, best first, each word once. The name similarity weighs
 * how much of the query's weight is covered (0.7) more than how much of the listed name's (0.3): a missing
 * middle name costs less than a word the listing does not have.
 */
final class NameScorer {
    static final double QUERY_COVERAGE_SHARE = 0.7;
    private static final double MIN_JARO_WINKLER = 0.84;
    private static final int MAX_WORDS = 24;

    /** The outcome for one listed name; {@code notes} is empty unless an explanation was asked for. */
    record NameMatch(double similarity, double matchedContent, boolean reordered, List<String> notes) {}

    private record Edge(long queryMask, long nameMask, double similarity, String why) {}

    private NameScorer() {}

    /**
     * Word similarities already computed in this search: candidate names share words ("muhammad", "al"), and
     * listed words are shared objects, so each query word meets each distinct listed word once.
     */
    static final class Memo {
        private final java.util.IdentityHashMap<Word, Double>[] byQueryWord;

        @SuppressWarnings("unchecked")
        Memo(int queryWords) {
            byQueryWord = new java.util.IdentityHashMap[queryWords];
            for (int i = 0; i < queryWords; i++) byQueryWord[i] = new java.util.IdentityHashMap<>();
        }

        double similarity(int i, Word q, Word n) {
            Double known = byQueryWord[i].get(n);
            if (known != null) return known;
            double s = wordSimilarity(q, n);
            byQueryWord[i].put(n, s);
            return s;
        }
    }

    static NameMatch match(IndexedName query, IndexedName name, boolean explain) {
        return match(query, name, explain, new Memo(query.words.length));
    }

    static NameMatch match(IndexedName query, IndexedName name, boolean explain, Memo memo) {
        Word[] q = query.words;
        Word[] n = name.words;
        int qn = Math.min(q.length, MAX_WORDS);
        int nn = Math.min(n.length, MAX_WORDS);
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < qn; i++) {
            for (int j = 0; j < nn; j++) {
                double s = memo.similarity(i, q[i], n[j]);
                if (s > 0) edges.add(new Edge(1L << i, 1L << j, s, null));
            }
        }
        for (int i = 0; i + 1 < qn; i++) {
            String joined = query.joinedPairs[i];
            for (int j = 0; j < nn; j++) {
                double s = joinedSimilarity(joined, n[j].text());
                if (s > 0) edges.add(new Edge(3L << i, 1L << j, s, "joined"));
            }
        }
        for (int j = 0; j + 1 < nn; j++) {
            String joined = name.joinedPairs[j];
            for (int i = 0; i < qn; i++) {
                double s = joinedSimilarity(q[i].text(), joined);
                if (s > 0) edges.add(new Edge(1L << i, 3L << j, s, "joined"));
            }
        }
        articleEdges(query, name, qn, nn, false, edges);
        articleEdges(name, query, nn, qn, true, edges);
        edges.sort((a, b) -> Double.compare(b.similarity, a.similarity));
        long usedQ = 0;
        long usedN = 0;
        double coveredQ = 0;
        double coveredN = 0;
        double matchedContent = 0;
        int[] alignedTo = new int[qn];
        Arrays.fill(alignedTo, -1);
        List<String> notes = explain ? new ArrayList<>() : List.of();
        for (Edge e : edges) {
            if ((e.queryMask & usedQ) != 0 || (e.nameMask & usedN) != 0) continue;
            usedQ |= e.queryMask;
            usedN |= e.nameMask;
            double wq = weight(query, e.queryMask);
            double wn = weight(name, e.nameMask);
            coveredQ += e.similarity * wq;
            coveredN += e.similarity * wn;
            matchedContent += e.similarity * contentWeight(name, e.nameMask);
            int firstQ = Long.numberOfTrailingZeros(e.queryMask);
            alignedTo[firstQ] = Long.numberOfTrailingZeros(e.nameMask);
            if (explain) notes.add(describe(query, name, e));
        }
        if (explain) {
            for (int i = 0; i < qn; i++) {
                if ((usedQ & (1L << i)) == 0) notes.add(unmatched("query word", q[i], "is not in the listed name"));
            }
            for (int j = 0; j < nn; j++) {
                if ((usedN & (1L << j)) == 0) notes.add(unmatched("listed word", n[j], "is missing from the query"));
            }
        }
        boolean reordered = false;
        int last = -1;
        for (int i = 0; i < qn; i++) {
            if (alignedTo[i] < 0) continue;
            if (alignedTo[i] < last) reordered = true;
            last = alignedTo[i];
        }
        double covQ = query.totalWeight > 0 ? coveredQ / query.totalWeight : 0;
        double covN = name.totalWeight > 0 ? coveredN / name.totalWeight : 0;
        double similarity = matchedContent > 0 ? QUERY_COVERAGE_SHARE * covQ + (1 - QUERY_COVERAGE_SHARE) * covN : 0;
        if (explain) {
            notes.add(String.format(Locale.ROOT,
                "name similarity %.3f: %.0f%% of the query's weight and %.0f%% of the listed name's weight matched",
                similarity, 100 * covQ, 100 * covN));
        }
        return new NameMatch(Math.min(1.0, similarity), matchedContent, reordered, notes);
    }

    static double wordSimilarity(Word a, Word b) {
        if (a == b || a.text().equals(b.text())) return 1.0;
        if (a.initial() || b.initial()) {
            return a.text().charAt(0) == b.text().charAt(0) && !(a.initial() && b.initial()) ? 0.8 : 0;
        }
        boolean skeletal = (a.abjad() || b.abjad()) && a.skeleton().length() >= 2;
        if (!skeletal && JaroWinkler.upperBound(a.text().length(), b.text().length()) < 0.78) return 0;
        double jw = JaroWinkler.similarity(a.text(), b.text());
        double s = jw >= MIN_JARO_WINKLER ? Math.min(jw, 0.97) : 0;
        // a shared sound key only counts when the spellings are not far apart: "acme" and "aqim" share AKM
        if (jw >= 0.78 && a.soundsLike(b)) s = Math.max(s, 0.9);
        // romanizations of one name differ in vowels and in how a consonant is spelt (Khamis/Khames,
        // Madjid/Majid, Hissene/Heesene): the same consonants, and spellings not far apart, are the same name
        if (jw >= 0.7 && Math.min(a.text().length(), b.text().length()) >= 5 && a.skeleton().length() >= 3
            && a.skeleton().equals(b.skeleton())) s = Math.max(s, 0.88);
        if ((a.abjad() || b.abjad()) && a.skeleton().length() >= 2) {
            if (a.skeleton().equals(b.skeleton())) s = Math.max(s, 0.9);
            else if (JaroWinkler.similarity(a.skeleton(), b.skeleton()) >= 0.88) s = Math.max(s, 0.8);
        }
        return s;
    }

    /**
     * A word with the article attached on one side ("altikreeti") against the article and a word on the other
     * ("al tikriti"): scored as the words without the article. {@code swapped} when {@code one} is the listed name.
     */
    private static void articleEdges(IndexedName one, IndexedName other, int oneWords, int otherWords, boolean swapped,
                                     List<Edge> edges) {
        for (int i = 0; i < oneWords; i++) {
            Word stripped = one.withoutArticle[i];
            if (stripped == null) continue;
            for (int j = 0; j + 1 < otherWords; j++) {
                if (!other.words[j].text().equals(ArabicNames.ARTICLE)) continue;
                double s = wordSimilarity(stripped, other.words[j + 1]);
                if (s <= 0) continue;
                s = Math.min(s, 0.97);
                edges.add(swapped ? new Edge(3L << j, 1L << i, s, "joined") : new Edge(1L << i, 3L << j, s, "joined"));
            }
        }
    }

    private static double joinedSimilarity(String joined, String word) {
        if (joined.equals(word)) return 0.97;
        if (JaroWinkler.upperBound(joined.length(), word.length()) < 0.92) return 0;
        double jw = JaroWinkler.similarity(joined, word);
        return jw >= 0.92 ? Math.min(jw, 0.95) : 0;
    }

    private static double weight(IndexedName name, long mask) {
        double w = 0;
        for (long m = mask; m != 0; m &= m - 1) w += name.weights[Long.numberOfTrailingZeros(m)];
        return w;
    }

    private static double contentWeight(IndexedName name, long mask) {
        double w = 0;
        for (long m = mask; m != 0; m &= m - 1) {
            int i = Long.numberOfTrailingZeros(m);
            if (!name.words[i].lowInformation()) w += name.weights[i];
        }
        return w;
    }

    private static String words(IndexedName name, long mask) {
        StringBuilder sb = new StringBuilder();
        for (long m = mask; m != 0; m &= m - 1) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(name.words[Long.numberOfTrailingZeros(m)].text());
        }
        return sb.toString();
    }

    private static String describe(IndexedName query, IndexedName name, Edge e) {
        String qw = words(query, e.queryMask);
        String nw = words(name, e.nameMask);
        String how;
        if (e.why != null) how = "the same when joined into one word";
        else if (e.similarity == 1.0) how = "the same word";
        else {
            Word a = query.words[Long.numberOfTrailingZeros(e.queryMask)];
            Word b = name.words[Long.numberOfTrailingZeros(e.nameMask)];
            if (a.initial() || b.initial()) how = "an initial of it";
            else if ((a.abjad() || b.abjad()) && a.skeleton().equals(b.skeleton())) how = "the same consonants (written without vowels)";
            else if (a.soundsLike(b)) how = "spelt differently but sounding the same";
            else how = "a close spelling";
        }
        boolean low = Long.bitCount(e.nameMask) == 1 && name.words[Long.numberOfTrailingZeros(e.nameMask)].lowInformation();
        return String.format(Locale.ROOT, "'%s' matched '%s': %s (similarity %.2f, weight %.2f)%s", qw, nw, how,
            e.similarity, weight(name, e.nameMask),
            low ? "; '" + nw + "' is a " + NameWords.kind(nw) + " and counts little" : "");
    }

    private static String unmatched(String side, Word w, String what) {
        return side + " '" + w.text() + "' " + what
            + (w.lowInformation() ? " (a " + NameWords.kind(w.text()) + ", counts little)" : "");
    }
}
