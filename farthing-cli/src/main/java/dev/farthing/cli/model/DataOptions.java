package dev.farthing.cli.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.cli.CliException;
import dev.farthing.cli.DatasetOption;
import dev.farthing.cli.ExitCodes;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.data.PaySimReader;
import dev.farthing.model.data.StampedDataset;
import dev.farthing.model.data.TimeSplit;
import dev.farthing.model.data.UlbReader;
import dev.farthing.risk.features.FeatureReplay;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The dataset options shared by train and eval: file, format and the reproducible train/test split. Train and
 * eval given the same split options see complementary parts: train fits on the train part, eval scores the test
 * part, so an evaluation never tests on rows the model was trained on.
 */
public final class DataOptions {

    public enum Format { FARTHING, PAYSIM, ULB }

    /** How rows are divided; TRAIN and TEST are the older spelling of "stratified, and use that part". */
    public enum Split { AUTO, NONE, ALL, STRATIFIED, TIME, TRAIN, TEST }

    public enum Part { TRAIN, TEST, ALL }

    static final double DEFAULT_TRAIN_FRACTION = 0.7;

    @Mixin
    private DatasetOption dataset;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
            description = "Reads the dataset as farthing (JSON Lines, replayed through the feature engine), paysim or ulb.")
    Format format;

    @Option(names = "--split", paramLabel = "METHOD", defaultValue = "auto", converter = SplitConverter.class,
            description = {"How to divide the rows into a train and a test part (train uses the train part, eval the "
                    + "test part):",
                    "  time        earlier times train, later times test (PaySim: by step; ULB: by Time); no time "
                    + "is in both parts",
                    "  stratified  seeded shuffle per class, so the rare frauds land in both parts",
                    "  none (all)  every row, no split",
                    "  train, test stratified, and use that part (older spelling)",
                    "  auto        time for paysim, stratified for ulb (its Time spans only two days), none for "
                    + "farthing (default)."})
    Split split;

    @Option(names = "--train-fraction", paramLabel = "F",
            description = "Share of rows in the train part (time: at least this share, cut between steps). "
                    + "Default: 0.7.")
    Double trainFraction;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share in the test part: 1 - --train-fraction (give one of the two). Default: 0.3.")
    Double testFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for the split (and training). Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The split as it applies to this format (AUTO resolved, the older spellings folded into STRATIFIED). */
    Split method() {
        return switch (split) {
            case AUTO -> switch (format) {
                case PAYSIM -> Split.TIME;
                case ULB -> Split.STRATIFIED;
                case FARTHING -> Split.NONE;
            };
            case ALL, NONE -> Split.NONE;
            case TRAIN, TEST, STRATIFIED -> Split.STRATIFIED;
            case TIME -> Split.TIME;
        };
    }

    /** Which part a command uses: the one the older spellings name, else the command's own. */
    Part part(Part commandDefault) {
        return switch (split) {
            case TRAIN -> Part.TRAIN;
            case TEST -> Part.TEST;
            default -> method() == Split.NONE ? Part.ALL : commandDefault;
        };
    }

    double trainFraction() {
        if (trainFraction != null && testFraction != null
                && Math.abs(trainFraction + testFraction - 1.0) > 1e-9) {
            throw new CliException("--train-fraction " + trainFraction + " and --test-fraction " + testFraction
                    + " do not add up to 1; give one of them", ExitCodes.USAGE, null);
        }
        double f = trainFraction != null ? trainFraction
                : testFraction != null ? 1.0 - testFraction : DEFAULT_TRAIN_FRACTION;
        if (!(f > 0 && f < 1)) {
            throw new CliException("the train fraction must be between 0 and 1, got " + f, ExitCodes.USAGE, null);
        }
        return f;
    }

    /** The labelled dataset file ({@code --dataset}). */
    Path file() {
        return dataset.file();
    }

    /** The whole file read in its format, with row times where the format has them (no split applied). */
    StampedDataset readAll() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new CliException("no data file at " + file.toAbsolutePath(), ExitCodes.USAGE, null);
        }
        trainFraction();
        try {
            return switch (format) {
                case PAYSIM -> PaySimReader.readStamped(file);
                case ULB -> UlbReader.readStamped(file);
                case FARTHING -> {
                    Dataset d = FeatureReplay.dataset(file);
                    yield new StampedDataset(d, new long[d.size()]);
                }
            };
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException("cannot read " + file + " as " + name(format) + ": " + e.getMessage(), e);
        }
    }

    /** The train and test parts; null for {@code --split none}. */
    DatasetSplit splitOf(StampedDataset all) {
        try {
            return switch (method()) {
                case NONE -> null;
                case TIME -> {
                    if (format == Format.FARTHING) {
                        throw new CliException("--split time needs row times (paysim step, ulb Time); the farthing "
                                + "format has none here: use stratified", ExitCodes.USAGE, null);
                    }
                    yield TimeSplit.of(all, trainFraction());
                }
                default -> DatasetSplit.of(all.data(), 1.0 - trainFraction(), seed);
            };
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot split " + file().getFileName() + ": " + e.getMessage(), ExitCodes.USAGE, e);
        }
    }

    /** The rows of the given part. */
    static Dataset part(StampedDataset all, DatasetSplit split, Part part) {
        return switch (part) {
            case ALL -> all.data();
            case TRAIN -> split.train();
            case TEST -> split.test();
        };
    }

    ObjectNode describe(StampedDataset all, Part part, Dataset selected) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("file", file().getFileName().toString());
        json.put("format", name(format));
        json.put("split", name(method()));
        if (method() != Split.NONE) {
            json.put("part", name(part));
            json.put("train_fraction", trainFraction());
            if (method() == Split.STRATIFIED) {
                json.put("split_seed", seed);
            } else {
                json.put("last_train_time", TimeSplit.cutoff(all.times(), trainFraction()));
            }
        }
        json.put("rows", selected.size());
        json.put("positives", selected.positives());
        return json;
    }

    /** One line for humans, e.g. "paysim-sample.csv (paysim, test part: steps after 19 of a 70% time split)". */
    String summary(StampedDataset all, Part part) {
        String what = switch (method()) {
            case NONE -> "all rows";
            case TIME -> name(part) + " part of a " + percent() + "% time split: "
                    + (part == Part.TRAIN ? "times up to " : "times after ") + TimeSplit.cutoff(all.times(), trainFraction());
            default -> name(part) + " part of a " + percent() + "% stratified split, seed " + seed;
        };
        return file().getFileName() + " (" + name(format) + ", " + what + ")";
    }

    private long percent() {
        return Math.round(trainFraction() * 100);
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown format '" + value + "' (expected farthing, paysim or ulb)");
            }
        }
    }

    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<Split> {
        @Override
        public Split convert(String value) {
            try {
                return Split.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown split '" + value + "' (expected time, stratified, none, auto, or train/test)");
            }
        }
    }
}
