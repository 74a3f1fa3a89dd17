package dev.farthing.model.data;

import java.util.Objects;

/**
 * A dataset with the time of each row (PaySim's step in hours, ULB's seconds), kept beside the features
 * rather than in them so that a split can follow time without the model seeing absolute time.
 */
public record StampedDataset(Dataset data, long[] times) {

    public StampedDataset {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(times, "times");
        if (times.length != data.size()) {
            throw new IllegalArgumentException(times.length + " times for " + data.size() + " rows");
        }
    }
}
