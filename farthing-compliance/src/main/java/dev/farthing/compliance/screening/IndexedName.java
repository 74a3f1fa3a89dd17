package dev.farthing.compliance.screening;

/**
 * One listed name prepared for matching: its words, each word's weight (inverse list frequency, low-information
 * words cut down), adjacent pairs joined ("abdul rahman" also as "abdulrahman") for compounds, and words with
 * the Arabic article attached also without it, to meet a listing that writes it apart.
 */
final class IndexedName {
    final int entry;
    final ListedName listed;
    final Word[] words;
    final double[] weights;
    final String[] joinedPairs;
    final double totalWeight;
    final double contentWeight;
    /** For a word with the article attached ("altikriti", "elhassan"), the word without it; else null. */
    final Word[] withoutArticle;

    IndexedName(int entry, ListedName listed, Word[] words, double[] weights) {
        this.entry = entry;
        this.listed = listed;
        this.words = words;
        this.weights = weights;
        this.joinedPairs = joinedPairs(words);
        double total = 0;
        double content = 0;
        for (int i = 0; i < words.length; i++) {
            total += weights[i];
            if (!words[i].lowInformation()) content += weights[i];
        }
        this.totalWeight = total;
        this.contentWeight = content;
        this.withoutArticle = new Word[words.length];
        for (int i = 0; i < words.length; i++) {
            String t = words[i].text();
            if (t.length() >= 5 && (t.startsWith("al") || t.startsWith("el"))) withoutArticle[i] = Word.of(t.substring(2), words[i].abjad());
        }
    }

    static String[] joinedPairs(Word[] words) {
        String[] pairs = new String[Math.max(0, words.length - 1)];
        for (int i = 0; i + 1 < words.length; i++) pairs[i] = words[i].text() + words[i + 1].text();
        return pairs;
    }
}
