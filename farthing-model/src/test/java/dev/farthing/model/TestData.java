package dev.farthing.model;

import dev.farthing.model.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic datasets for model tests: fraud depends non-linearly on a few features, some values missing. */
public final class TestData {

    private TestData() {
    }

    public static long seed() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        return seed;
    }

    public static Dataset synthetic(int rows, int width, double missingRate, Random random) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("f" + j);
        }
        double[][] x = new double[rows][width];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < width; j++) {
                x[i][j] = random.nextGaussian();
            }
            double logit = 1.5 * x[i][0] - x[i][1] * x[i][2] + (x[i][3] > 1 ? 2 : 0) - 1.5 + random.nextGaussian() * 0.5;
            y[i] = logit > 0 ? 1 : 0;
            for (int j = 0; j < width; j++) {
                if (random.nextDouble() < missingRate) {
                    x[i][j] = Double.NaN;
                }
            }
        }
        return new Dataset(names, x, y, null);
    }
}
