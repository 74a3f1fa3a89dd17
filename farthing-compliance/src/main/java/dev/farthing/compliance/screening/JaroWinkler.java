package dev.farthing.compliance.screening;

/** Jaro-Winkler similarity of two short words, without allocation beyond two small flag arrays. */
final class JaroWinkler {
    private JaroWinkler() {}

    private static final ThreadLocal<boolean[][]> FLAGS = ThreadLocal.withInitial(() -> new boolean[][] {new boolean[64], new boolean[64]});

    /**
     * The most two words of these lengths can score (all of the shorter word matching, a full prefix): words
     * whose bound is under a caller's cut-off need no comparison.
     */
    static double upperBound(int la, int lb) {
        double m = Math.min(la, lb);
        double jaro = (m / la + m / lb + 1.0) / 3.0;
        return jaro + 0.4 * (1.0 - jaro);
    }

    static double similarity(String a, String b) {
        if (a.equals(b)) return 1.0;
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) return 0.0;
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[][] flags = FLAGS.get();
        if (flags[0].length < la || flags[1].length < lb) {
            flags[0] = new boolean[Math.max(la, flags[0].length * 2)];
            flags[1] = new boolean[Math.max(lb, flags[1].length * 2)];
        }
        boolean[] usedA = flags[0];
        boolean[] usedB = flags[1];
        java.util.Arrays.fill(usedA, 0, la, false);
        java.util.Arrays.fill(usedB, 0, lb, false);
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!usedB[j] && a.charAt(i) == b.charAt(j)) {
                    usedA[i] = true;
                    usedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if (!usedA[i]) continue;
            while (!usedB[j]) j++;
            if (a.charAt(i) != b.charAt(j)) transpositions++;
            j++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        for (int i = 0; i < Math.min(4, Math.min(la, lb)) && a.charAt(i) == b.charAt(i); i++) prefix++;
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }
}
