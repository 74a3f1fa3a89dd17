package dev.farthing.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A reproducible, disjoint train/test split: rows are shuffled per class with a seeded generator and the
 * first {@code testFraction} of each class goes to test (stratified, so rare frauds land in both parts).
 * Each part keeps the original row order.
 */
public record DatasetSplit(Dataset train, Dataset test, int[] trainIndices, int[] testIndices) {

    public enum Part { TRAIN, TEST, ALL }

    public static DatasetSplit of(Dataset data, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), got " + testFraction);
        }
        boolean[] inTest = new boolean[data.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int label = 0; label <= 1; label++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (data.labels()[i] == label) {
                    members.add(i);
                }
            }
            int testCount = (int) Math.round(members.size() * testFraction);
            for (int k = 0; k < testCount; k++) {
                int j = k + random.nextInt(members.size() - k);
                Integer chosen = members.set(j, members.get(k));
                members.set(k, chosen);
                inTest[chosen] = true;
            }
        }
        int[] test = indices(inTest, true);
        int[] train = indices(inTest, false);
        return new DatasetSplit(data.select(train), data.select(test), train, test);
    }

    /** The requested part: the whole dataset for {@link Part#ALL}. */
    public static Dataset select(Dataset data, Part part, double testFraction, long seed) {
        return switch (part) {
            case ALL -> data;
            case TRAIN -> of(data, testFraction, seed).train();
            case TEST -> of(data, testFraction, seed).test();
        };
    }

    private static int[] indices(boolean[] inTest, boolean wanted) {
        int count = 0;
        for (boolean b : inTest) {
            count += b == wanted ? 1 : 0;
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < inTest.length; i++) {
            if (inTest[i] == wanted) {
                out[k++] = i;
            }
        }
        return out;
    }
}
