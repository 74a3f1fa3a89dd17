package dev.farthing.disputes.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A logistic regression over {@link Features}: small, and explainable (each feature's contribution is its weight
 * times its value). Trained offline ({@link #train}) on simulator data; stored as text, one {@code name weight}
 * per line, {@code bias} first. Predicts the probability that the claimant is right.
 */
public record LogisticModel(String version, double bias, double[] weights) {

    public LogisticModel {
        if (weights.length != Features.NAMES.size()) {
            throw new IllegalArgumentException("a dispute model has " + Features.NAMES.size() + " weights, not " + weights.length);
        }
        weights = weights.clone();
    }

    public double predict(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The {@code n} largest contributions, signed, as "name +0.84". */
    public List<String> explain(double[] x, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) order.add(i);
        order.sort((a, b) -> Double.compare(Math.abs(weights[b] * x[b]), Math.abs(weights[a] * x[a])));
        List<String> out = new ArrayList<>();
        for (int i : order.subList(0, Math.min(n, order.size()))) {
            double c = weights[i] * x[i];
            if (c != 0) out.add(Features.NAMES.get(i) + (c > 0 ? " +" : " ") + String.format(java.util.Locale.ROOT, "%.2f", c));
        }
        return out;
    }

    /** Full-batch gradient descent with L2, from zero weights: the same data gives the same model. */
    public static LogisticModel train(String version, List<double[]> xs, List<Boolean> ys, int epochs, double rate, double l2) {
        int n = Features.NAMES.size();
        double[] w = new double[n];
        double b = 0;
        for (int e = 0; e < epochs; e++) {
            double[] gw = new double[n];
            double gb = 0;
            for (int k = 0; k < xs.size(); k++) {
                double[] x = xs.get(k);
                double z = b;
                for (int i = 0; i < n; i++) z += w[i] * x[i];
                double err = 1 / (1 + Math.exp(-z)) - (ys.get(k) ? 1 : 0);
                for (int i = 0; i < n; i++) gw[i] += err * x[i];
                gb += err;
            }
            for (int i = 0; i < n; i++) w[i] -= rate * (gw[i] / xs.size() + l2 * w[i]);
            b -= rate * gb / xs.size();
        }
        return new LogisticModel(version, b, w);
    }

    public String toText() {
        StringBuilder s = new StringBuilder("version " + version + "\nbias " + bias + "\n");
        for (int i = 0; i < weights.length; i++) s.append(Features.NAMES.get(i)).append(' ').append(weights[i]).append('\n');
        return s.toString();
    }

    public static LogisticModel parse(String text) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int sp = line.indexOf(' ');
            if (sp < 0) throw new IllegalArgumentException("dispute model line without a value: " + line);
            lines.put(line.substring(0, sp), line.substring(sp + 1).strip());
        }
        double[] w = new double[Features.NAMES.size()];
        for (int i = 0; i < w.length; i++) {
            String v = lines.get(Features.NAMES.get(i));
            if (v == null) throw new IllegalArgumentException("dispute model lacks the weight of " + Features.NAMES.get(i));
            w[i] = Double.parseDouble(v);
        }
        return new LogisticModel(lines.getOrDefault("version", "unversioned"), Double.parseDouble(lines.getOrDefault("bias", "0")), w);
    }

    /** The model shipped in this module's resources, trained by the simulator's DisputeModelTrainer. */
    public static LogisticModel shipped() {
        try (InputStream in = LogisticModel.class.getResourceAsStream("dispute-model.txt")) {
            if (in == null) throw new IllegalStateException("the dispute model resource dispute-model.txt is missing");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Seeded shuffles for callers that split data; kept here so trainer and tests agree. */
    public static <T> void shuffle(List<T> list, long seed) {
        java.util.Collections.shuffle(list, new Random(seed));
    }
}
