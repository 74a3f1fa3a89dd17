package dev.farthing.cli.model;

import dev.farthing.cli.FarthingCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing model ...} in-process, as a user types it: exit codes, output and files. */
class ModelCommandsTest {

    private static final Pattern VERSION = Pattern.compile("m-[0-9a-f]{16}");

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
        String version() {
            Matcher m = VERSION.matcher(out);
            assertThat(m.find()).as("a version in: " + out).isTrue();
            return m.group();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** A PaySim-shaped file where frauds are TRANSFER/CASH_OUT rows that empty the payer's balance. */
    private Path paysim(long seed) throws Exception {
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        String[] types = {"CASH_IN", "CASH_OUT", "DEBIT", "PAYMENT", "TRANSFER"};
        StringBuilder csv = new StringBuilder("step,type,amount,nameOrig,oldbalanceOrg,newbalanceOrig,nameDest,"
                + "oldbalanceDest,newbalanceDest,isFraud,isFlaggedFraud\n");
        for (int i = 0; i < 800; i++) {
            boolean fraud = i % 10 == 0;
            String type = fraud ? types[1 + 3 * random.nextInt(2)] : types[random.nextInt(5)];
            double balance = 1000 + random.nextInt(100_000);
            double amount = fraud ? balance : random.nextInt(5000);
            double after = Math.max(0, balance - amount) + (fraud ? 0 : 1);
            csv.append(i / 50).append(',').append(type).append(',').append(amount).append(",C").append(i).append(',')
                    .append(balance).append(',').append(after).append(",C").append(i + 1).append(",0,0,")
                    .append(fraud ? 1 : 0).append(",0\n");
        }
        Path file = tmp.resolve("paysim.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void trainThenEvaluateOnTheHeldOutSplit() throws Exception {
        Path data = paysim(Long.getLong("farthing.seed", System.nanoTime()));
        Path model = tmp.resolve("model.json");
        Result train = run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--split", "train",
                "--seed", "3", "--rounds", "15", "--iforest-trees", "10", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("written to", "Holdout (240 rows, 24 fraud)");
        assertThat(model).exists();

        Result eval = run("model", "eval", "--model", model.toString(), "--dataset", data.toString(), "--format",
                "paysim", "--split", "test", "--seed", "3");
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).contains(train.version(), "240 rows, 24 fraud", "precision", "recall", "FPR",
                "PR-AUC", "ROC-AUC", "recall at 1% FPR", "Anomaly score");
    }

    @Test
    void evalSplitByTimePrintsTreesBesideTheBaselineOnLaterSteps() throws Exception {
        Path data = paysim(Long.getLong("farthing.seed", System.nanoTime()));
        // 800 rows, 50 per step (steps 0-15): 70% is reached at the end of step 11, so steps 12-15 are the test part.
        Result eval = run("model", "eval", "--dataset", data.toString(), "--format", "paysim", "--split", "time",
                "--train-fraction", "0.7", "--rounds", "15", "--seed", "5");
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("train part of a 70% time split: times up to 11): 600 rows, 60 fraud",
                "test part of a 70% time split: times after 11", "200 rows, 20 fraud",
                "Trees vs logistic-regression baseline", "depth 6, 15 rounds");
        assertThat(eval.out()).containsPattern("PR-AUC\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}")
                .containsPattern("ROC-AUC\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}")
                .containsPattern("recall at 1% FPR\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}")
                .containsPattern("precision at 0\\.5000\\s+")
                .containsPattern("trees >= baseline|TREES < BASELINE");

        // The same split on train and on eval --model: the bundle is tested only on the steps it never saw.
        Path model = tmp.resolve("time.json");
        Result train = run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--split", "time",
                "--train-fraction", "0.7", "--rounds", "15", "--no-anomaly", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("times up to 11", "Holdout (200 rows, 20 fraud)");
        Result scored = run("model", "eval", "--model", model.toString(), "--dataset", data.toString(), "--format",
                "paysim", "--split", "time", "--test-fraction", "0.3");
        assertThat(scored.exit()).as(scored.err()).isZero();
        assertThat(scored.out()).contains(train.version(), "times after 11", "200 rows, 20 fraud",
                "Trees vs logistic-regression baseline");

        Result tuned = run("model", "eval", "--dataset", data.toString(), "--format", "paysim", "--split", "time",
                "--rounds", "10", "--tune", "--tune-folds", "2", "--max-depth", "2");
        assertThat(tuned.exit()).as(tuned.err()).isZero();
        assertThat(tuned.out()).contains("Tuned by 2-fold CV on the train part");

        Result help = run("model", "eval", "--help");
        assertThat(help.out()).contains("--split", "time", "stratified", "--train-fraction", "--tune", "baseline");
        Result noTimes = run("model", "eval", "--dataset", data.toString(), "--format", "paysim", "--split", "none",
                "--rounds", "3");
        assertThat(noTimes.exit()).isEqualTo(64);
        assertThat(noTimes.err()).contains("without --model");
        Result both = run("model", "eval", "--dataset", data.toString(), "--format", "paysim", "--train-fraction", "0.6",
                "--test-fraction", "0.3");
        assertThat(both.exit()).isEqualTo(64);
        assertThat(both.err()).contains("do not add up to 1");
    }

    @Test
    void badInputsGiveClearErrorsAndExitCodes() throws Exception {
        Path data = paysim(1);
        Path model = tmp.resolve("model.json");
        assertThat(run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--rounds", "3",
                "--no-anomaly", "--out", model.toString()).exit()).isZero();

        Result wrongFormat = run("model", "eval", "--model", model.toString(), "--dataset", data.toString(), "--format", "ulb");
        assertThat(wrongFormat.exit()).isEqualTo(1);
        assertThat(wrongFormat.err()).contains("lacks column 'Time'");

        Result noModel = run("model", "eval", "--model", tmp.resolve("nope.json").toString(), "--dataset", data.toString(),
                "--format", "paysim");
        assertThat(noModel.exit()).isEqualTo(64);
        assertThat(noModel.err()).contains("no model file");

        assertThat(run("model", "train", "--dataset", data.toString(), "--format", "csv", "--out", "x").exit()).isEqualTo(64);
        assertThat(run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--eta", "5", "--out", "x")
                .err()).contains("eta must be");
        assertThat(run("model").exit()).isEqualTo(64);

        Files.writeString(model, Files.readString(model).replace("\"log_amount\"", "\"log_amount2\""));
        Result tampered = run("model", "eval", "--model", model.toString(), "--dataset", data.toString(), "--format", "paysim");
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.err()).contains("does not match its version");
    }

    @Test
    void registryCommandsActivateListAndShadow() throws Exception {
        Path data = paysim(2);
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--rounds", "3", "--no-anomaly", "--out", a.toString());
        run("model", "train", "--dataset", data.toString(), "--format", "paysim", "--rounds", "4", "--no-anomaly", "--out", b.toString());
        String dir = tmp.resolve("data").toString();

        assertThat(run("model", "list", "--data", dir).out()).contains("No models registered");
        Result activate = run("model", "activate", "--data", dir, a.toString());
        assertThat(activate.exit()).as(activate.err()).isZero();
        String va = activate.version();
        Result shadow = run("model", "shadow", "add", "--data", dir, b.toString());
        assertThat(shadow.exit()).as(shadow.err()).isZero();
        String vb = shadow.version();
        assertThat(Files.exists(tmp.resolve("data/risk/models/registry.json"))).isTrue();

        Result list = run("model", "list", "--data", dir);
        assertThat(list.out()).containsPattern(va + "\\s+active").containsPattern(vb + "\\s+shadow");

        assertThat(run("model", "shadow", "remove", "--data", dir, vb).exit()).isZero();
        Result again = run("model", "shadow", "remove", "--data", dir, vb);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("not_a_shadow");
        Result unknown = run("model", "activate", "--data", dir, "m-0000000000000000");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown_model_version");
        assertThat(run("model", "activate", "--data", dir, vb).exit()).isZero();
        assertThat(run("model", "list", "--data", dir).out()).containsPattern(vb + "\\s+active");
    }
}
