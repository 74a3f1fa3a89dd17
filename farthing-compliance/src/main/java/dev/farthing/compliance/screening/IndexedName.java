package dev.farthing.compliance.screening;

/**
 * One listed name prepared for matching: its words, each word's weight (inverse list frequency, low-information
 * words cut down), and adjacent pairs joined ("abdul rahman" also as "abdulrahman") for compounds.
 */
final class IndexedName {
    final int entry;
    final ListedName listed;
    final Word[] words;
    final double[] weights;
    final String[] joinedPairs;
    final double totalWeight;
    final double contentWeight;

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
    }

    static String[] joinedPairs(Word[] words) {
        String[] pairs = new String[Math.max(0, words.length - 1)];
        for (int i = 0; i + 1 < words.length; i++) pairs[i] = words[i].text() + words[i + 1].text();
        return pairs;
    }
}
