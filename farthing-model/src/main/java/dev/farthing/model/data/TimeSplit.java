package dev.farthing.model.data;

import java.util.Arrays;

/**
 * A split by time, as a model meets data in production: train on the earliest rows, test on the later ones.
 * The cut falls between two distinct times, never inside one, so no step is in both parts: the train part is
 * every row up to the earliest time at which at least {@code trainFraction} of the rows have been seen.
 */
public final class TimeSplit {

    private TimeSplit() {
    }

    public static DatasetSplit of(StampedDataset stamped, double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction);
        }
        long[] times = stamped.times();
        long cutoff = cutoff(times, trainFraction);
        boolean[] inTrain = new boolean[times.length];
        int trainCount = 0;
        for (int i = 0; i < times.length; i++) {
            inTrain[i] = times[i] <= cutoff;
            trainCount += inTrain[i] ? 1 : 0;
        }
        if (trainCount == times.length) {
            throw new IllegalArgumentException("no rows after time " + cutoff + " for the test part: the last "
                    + Math.round((1 - trainFraction) * 100) + "% of rows share one time; lower the train fraction");
        }
        int[] train = new int[trainCount];
        int[] test = new int[times.length - trainCount];
        for (int i = 0, a = 0, b = 0; i < times.length; i++) {
            if (inTrain[i]) {
                train[a++] = i;
            } else {
                test[b++] = i;
            }
        }
        Dataset data = stamped.data();
        return new DatasetSplit(data.select(train), data.select(test), train, test);
    }

    /** The last time in the train part. */
    public static long cutoff(long[] times, double trainFraction) {
        if (times.length == 0) {
            throw new IllegalArgumentException("cannot split an empty dataset");
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        int needed = (int) Math.ceil(trainFraction * sorted.length);
        return sorted[Math.max(0, needed - 1)];
    }

    /** The times of the selected rows, e.g. those of a split's train part for a validation split inside it. */
    public static long[] select(long[] times, int[] indices) {
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = times[indices[i]];
        }
        return out;
    }
}
