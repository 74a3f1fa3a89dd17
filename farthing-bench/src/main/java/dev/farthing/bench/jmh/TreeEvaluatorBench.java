package dev.farthing.bench.jmh;

import dev.farthing.model.data.Dataset;
import dev.farthing.model.gbt.GbtParams;
import dev.farthing.model.gbt.GbtTrainer;
import dev.farthing.model.gbt.TreeEnsemble;
import dev.farthing.model.gbt.XgboostJson;
import dev.farthing.model.iforest.IsolationForest;
import dev.farthing.model.iforest.IsolationForestParams;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Single-row scoring, the risk hot path: the pure-Java {@link TreeEnsemble} against XGBoost4J's own single-row
 * predict on the same booster (baselines: a one-row DMatrix, as XGBoost4J documents, and inplace_predict), plus
 * the isolation forest. The model is trained in setup: {@code trees} rounds of depth {@code depth} on
 * {@code features} synthetic features with 10% missing values; rows cycle through 1,024 held-out rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Thread)
public class TreeEvaluatorBench {

    @Param({"100"})
    public int trees;

    @Param({"6"})
    public int depth;

    @Param({"40"})
    public int features;

    private TreeEnsemble ensemble;
    private IsolationForest forest;
    private Booster booster;
    private double[][] rows;
    private float[][] floatRows;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        Random random = new Random(7);
        Dataset train = synthetic(20_000, random);
        GbtParams params = GbtParams.defaults().withRounds(trees).withMaxDepth(depth).withSeed(7);
        booster = GbtTrainer.trainBooster(train, params);
        ensemble = XgboostJson.read(GbtTrainer.toJson(booster));
        forest = IsolationForest.train(train.rows(), IsolationForestParams.defaults(7));
        rows = synthetic(1024, random).rows();
        floatRows = new float[rows.length][features];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < features; j++) {
                floatRows[i][j] = (float) rows[i][j];
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        booster.dispose();
    }

    private Dataset synthetic(int n, Random random) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("f" + j);
        }
        double[][] x = new double[n][features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double logit = -2;
            for (int j = 0; j < features; j++) {
                x[i][j] = random.nextGaussian();
                logit += (j % 3 == 0 ? 0.4 : -0.2) * x[i][j] + (j % 5 == 0 ? 0.3 * x[i][j] * x[i][j] : 0);
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            for (int j = 0; j < features; j++) {
                if (random.nextDouble() < 0.1) {
                    x[i][j] = Double.NaN;
                }
            }
        }
        return new Dataset(names, x, y, null);
    }

    private int nextRow() {
        next = (next + 1) & 1023;
        return next;
    }

    @Benchmark
    public double farthingTreeEnsemble() {
        return ensemble.predict(rows[nextRow()]);
    }

    @Benchmark
    public double farthingIsolationForest() {
        return forest.score(rows[nextRow()]);
    }

    @Benchmark
    public float xgboost4jDMatrixPredict() throws XGBoostError {
        DMatrix one = new DMatrix(floatRows[nextRow()], 1, features, Float.NaN);
        try {
            return booster.predict(one)[0][0];
        } finally {
            one.dispose();
        }
    }

    @Benchmark
    public float xgboost4jInplacePredict() throws XGBoostError {
        return booster.inplace_predict(floatRows[nextRow()], 1, features, Float.NaN)[0][0];
    }
}
