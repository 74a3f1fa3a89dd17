package dev.farthing.model.gbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.model.data.Dataset;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.util.Map;

/** Trains a binary:logistic booster with XGBoost4J and exports it in XGBoost's JSON model format. */
public final class GbtTrainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GbtTrainer() {
    }

    /** Trains and returns the model as XGBoost JSON (what {@link XgboostJson#read} scores). */
    public static JsonNode train(Dataset data, GbtParams params) {
        Booster booster = trainBooster(data, params);
        try {
            return toJson(booster);
        } finally {
            booster.dispose();
        }
    }

    /**
     * Trains under monotone constraints: missing values of pinned features are filled with their quiet ends
     * for training, and the exported trees send a missing value where its quiet end goes
     * ({@link MonotoneConstraints#pinMissing}).
     */
    public static JsonNode train(Dataset data, GbtParams params, MonotoneConstraints constraints) {
        if (constraints.width() != data.width()) {
            throw new IllegalArgumentException("constraints for " + constraints.width() + " features, data has "
                    + data.width());
        }
        Map<String, Object> xgboost = new java.util.LinkedHashMap<>(params.toXgboost());
        xgboost.put("monotone_constraints", constraints.toXgboost());
        Booster booster = trainBooster(constraints.fillMissing(data), params.rounds(), xgboost);
        try {
            return constraints.pinMissing(toJson(booster));
        } finally {
            booster.dispose();
        }
    }

    /** The native booster itself; the caller must {@link Booster#dispose()} it. */
    public static Booster trainBooster(Dataset data, GbtParams params) {
        return trainBooster(data, params.rounds(), params.toXgboost());
    }

    private static Booster trainBooster(Dataset data, int rounds, Map<String, Object> xgboost) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train on an empty dataset");
        }
        int positives = data.positives();
        if (positives == 0 || positives == data.size()) {
            throw new IllegalArgumentException("training data needs both classes; it has " + positives
                    + " positives in " + data.size() + " rows");
        }
        DMatrix matrix = matrix(data.rows(), data.width());
        try {
            float[] labels = new float[data.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = data.labels()[i];
            }
            matrix.setLabel(labels);
            return XGBoost.train(matrix, xgboost, rounds, Map.of(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            matrix.dispose();
        }
    }

    public static JsonNode toJson(Booster booster) {
        try {
            return JSON.readTree(booster.toByteArray("json"));
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot export the XGBoost model as JSON: " + e.getMessage(), e);
        }
    }

    /** A dense row-major matrix in single precision with NaN as the missing marker; caller disposes it. */
    public static DMatrix matrix(double[][] rows, int width) {
        float[] flat = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < width; j++) {
                flat[i * width + j] = (float) rows[i][j];
            }
        }
        try {
            return new DMatrix(flat, rows.length, width, Float.NaN);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot build an XGBoost matrix: " + e.getMessage(), e);
        }
    }
}
