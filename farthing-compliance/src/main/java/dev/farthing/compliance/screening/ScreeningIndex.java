package dev.farthing.compliance.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every name of one list snapshot, prepared for search, with a blocking index from word keys (the word, its
 * Double Metaphone keys, its consonant skeleton, and adjacent words joined) to names. A search looks up only the
 * query's informative words, ranks the names they reach by shared weight, and scores the best {@value #CANDIDATES}
 * in full. Immutable once built; safe for concurrent searches.
 */
public final class ScreeningIndex {
    static final int CANDIDATES = 32;
    private static final double WEAK_ALIAS_FACTOR = 0.94;
    private static final double REORDERED_PENALTY = 0.01;
    private static final double MAX_SCORE = 0.999;
    private static final double INITIAL_WEIGHT = 2.0;

    private final List<SanctionsEntry> entries;
    private final IndexedName[] names;
    private final Map<String, Double> idf;
    private final double unknownWordIdf;
    private final Map<String, int[]> postings;
    private final Map<String, Word> latinWords;
    final double[] nameWeights;
    /** Working memory for searches, reused: the server searches on virtual threads, so no per-thread copies. */
    private final java.util.concurrent.ArrayBlockingQueue<Scratch> spareScratch = new java.util.concurrent.ArrayBlockingQueue<>(64);

    private ScreeningIndex(List<SanctionsEntry> entries, IndexedName[] names, Map<String, Double> idf,
                           double unknownWordIdf, Map<String, int[]> postings, Map<String, Word> latinWords) {
        this.entries = entries;
        this.names = names;
        this.idf = idf;
        this.unknownWordIdf = unknownWordIdf;
        this.postings = postings;
        this.latinWords = latinWords;
        this.nameWeights = new double[names.length];
        for (int i = 0; i < names.length; i++) nameWeights[i] = names[i].totalWeight;
    }

    public static ScreeningIndex build(List<SanctionsEntry> entries) {
        List<NameFolding.Folded> folded = new ArrayList<>();
        List<int[]> owner = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int e = 0; e < entries.size(); e++) {
            List<ListedName> listed = entries.get(e).names();
            for (int k = 0; k < listed.size(); k++) {
                NameFolding.Folded f = NameFolding.fold(listed.get(k).text());
                if (f.words().isEmpty()) continue;
                folded.add(f);
                owner.add(new int[] {e, k});
                for (String w : new java.util.HashSet<>(f.words())) documentFrequency.merge(w, 1, Integer::sum);
            }
        }
        int n = folded.size();
        Map<String, Double> idf = new HashMap<>(documentFrequency.size() * 2);
        documentFrequency.forEach((w, df) -> idf.put(w, Math.log((n + 1.0) / (df + 0.5))));
        // a query word that is no listed word is weighed by the listed words sharing its consonants, if any:
        // "madjeed" counts as much as "majid", not as a word never seen
        Map<String, Integer> skeletonFrequency = new HashMap<>();
        for (NameFolding.Folded f : folded) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String w : f.words()) {
                String k = NameFolding.skeleton(w);
                if (k.length() >= 3 && seen.add(k)) skeletonFrequency.merge(k, 1, Integer::sum);
            }
        }
        skeletonFrequency.forEach((k, df) -> idf.putIfAbsent("k:" + k, Math.log((n + 1.0) / (df + 0.5))));
        double unknown = Math.log((n + 1.0) / 0.5);
        IndexedName[] names = new IndexedName[n];
        Map<String, List<Integer>> keyed = new HashMap<>();
        Map<String, Word> latinWords = new HashMap<>();
        Map<String, Word> abjadWords = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] o = owner.get(i);
            NameFolding.Folded f = folded.get(i);
            names[i] = prepare(o[0], entries.get(o[0]).names().get(o[1]), f, idf, unknown,
                f.abjad() ? abjadWords : latinWords);
            for (String key : keys(names[i])) {
                List<Integer> list = keyed.computeIfAbsent(key, x -> new ArrayList<>());
                if (list.isEmpty() || list.getLast() != i) list.add(i);
            }
        }
        Map<String, int[]> postings = new HashMap<>(keyed.size() * 2);
        keyed.forEach((k, v) -> postings.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
        return new ScreeningIndex(List.copyOf(entries), names, idf, unknown, postings, Map.copyOf(latinWords));
    }

    public int entryCount() { return entries.size(); }

    public int nameCount() { return names.length; }

    public List<SanctionsEntry> entries() { return entries; }

    /** Hits scoring at least {@code threshold}, best first, at most {@code query.limit()}. */
    public List<ScreeningHit> search(ScreeningQuery query, double threshold) {
        NameFolding.Folded folded = NameFolding.fold(query.name());
        IndexedName q = prepare(-1, null, folded, idf, unknownWordIdf, folded.abjad() ? null : latinWords);
        if (q.contentWeight == 0) return List.of(); // only honorifics and legal forms: nothing to match on
        Scratch s = spareScratch.poll();
        if (s == null) s = new Scratch(names.length);
        int[] candidates;
        try {
            candidates = s.candidates(q, this);
        } finally {
            spareScratch.offer(s);
        }
        double[] bestScore = new double[candidates.length];
        int[] bestName = new int[candidates.length];
        int found = 0;
        Map<Integer, Integer> slotOfEntry = new HashMap<>();
        NameScorer.Memo memo = new NameScorer.Memo(q.words.length);
        for (int c : candidates) {
            double score = score(query, q, names[c], null, memo);
            Integer slot = slotOfEntry.get(names[c].entry);
            if (slot == null) {
                slotOfEntry.put(names[c].entry, found);
                bestScore[found] = score;
                bestName[found] = c;
                found++;
            } else if (score > bestScore[slot]) {
                bestScore[slot] = score;
                bestName[slot] = c;
            }
        }
        Integer[] order = new Integer[found];
        for (int i = 0; i < found; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(bestScore[b], bestScore[a]));
        List<ScreeningHit> hits = new ArrayList<>();
        for (Integer slot : order) {
            if (bestScore[slot] < threshold || hits.size() >= query.limit()) break;
            IndexedName name = names[bestName[slot]];
            List<String> notes = new ArrayList<>();
            double score = score(query, q, name, notes, memo);
            SanctionsEntry e = entries.get(name.entry);
            hits.add(new ScreeningHit(e.entityId(), e.list(), e.primaryName(), name.listed.text(), score, notes));
        }
        return hits;
    }

    private double score(ScreeningQuery query, IndexedName q, IndexedName name, List<String> notes, NameScorer.Memo memo) {
        NameScorer.NameMatch m = NameScorer.match(q, name, notes != null, memo);
        if (m.similarity() <= 0) return 0;
        double certainty = Math.min(1.0, m.matchedContent() / 12.0);
        double score = m.similarity() * (0.86 + 0.06 * certainty);
        if (notes != null) {
            notes.addAll(m.notes());
            notes.add(String.format(Locale.ROOT, "the matched words are %s on the lists (name score %.3f)",
                certainty >= 0.75 ? "rare" : certainty >= 0.4 ? "fairly common" : "common", score));
        }
        if (name.listed.weak()) {
            score *= WEAK_ALIAS_FACTOR;
            if (notes != null) notes.add(String.format(Locale.ROOT, "matched a weak (low-quality) alias, scored x%.2f", WEAK_ALIAS_FACTOR));
        }
        if (m.reordered()) {
            score -= REORDERED_PENALTY;
            if (notes != null) notes.add(String.format(Locale.ROOT, "words in another order than listed (%+.2f)", -REORDERED_PENALTY));
        }
        score += AttributeScorer.adjust(query, entries.get(name.entry), notes);
        double clamped = Math.max(0, Math.min(MAX_SCORE, score));
        return Math.round(clamped * 1000) / 1000.0;
    }

    /** {@code known} caches prepared words (phonetic keys are the costly part); null to prepare afresh. */
    private static IndexedName prepare(int entry, ListedName listed, NameFolding.Folded f, Map<String, Double> idf,
                                       double unknown, Map<String, Word> known) {
        Word[] words = new Word[f.words().size()];
        double[] weights = new double[words.length];
        for (int i = 0; i < words.length; i++) {
            String text = f.words().get(i);
            Word w = known == null ? null : known.get(text);
            if (w == null) {
                w = Word.of(text, f.abjad());
                if (known != null && entry >= 0) known.put(text, w);
            }
            words[i] = w;
            // an initial says little however rare the letter is as a word on the lists
            double frequencyWeight = w.initial() ? Math.min(INITIAL_WEIGHT, idf.getOrDefault(text, unknown))
                : idf.getOrDefault(text, idf.getOrDefault("k:" + w.skeleton(), unknown));
            weights[i] = w.lowInformation() ? frequencyWeight * NameWords.LOW_INFORMATION_FACTOR : frequencyWeight;
        }
        return new IndexedName(entry, listed, words, weights);
    }

    /** Blocking keys of a name: informative words only, so "CORP" reaches nothing. */
    static List<String> keys(IndexedName name) {
        List<String> keys = new ArrayList<>();
        for (Word w : name.words) wordKeys(w, keys);
        for (int i = 0; i < name.joinedPairs.length; i++) {
            if (!name.words[i].lowInformation() || !name.words[i + 1].lowInformation()) keys.add("t:" + name.joinedPairs[i]);
        }
        return keys;
    }

    static void wordKeys(Word w, List<String> keys) {
        if (w.lowInformation() || w.initial()) return;
        keys.add("t:" + w.text());
        if (!w.sound().isEmpty()) keys.add("p:" + w.sound());
        if (!w.altSound().isEmpty() && !w.altSound().equals(w.sound())) keys.add("p:" + w.altSound());
        if (w.skeleton().length() >= 2) keys.add("k:" + w.skeleton());
    }

    int[] postings(String key) { return postings.get(key); }

    IndexedName name(int i) { return names[i]; }
}
