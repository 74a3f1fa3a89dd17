package dev.farthing.cli.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.model.data.Dataset;
import dev.farthing.model.data.DatasetSplit;
import dev.farthing.model.data.PaySimReader;
import dev.farthing.model.data.UlbReader;
import dev.farthing.risk.features.FeatureReplay;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The dataset options shared by train and eval: file, format and the reproducible train/test split. */
public final class DataOptions {

    public enum Format { FARTHING, PAYSIM, ULB }

    public enum Split { ALL, TRAIN, TEST }

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "Labelled dataset file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, converter = FormatConverter.class,
            description = "farthing (JSON Lines, replayed through the feature engine), paysim or ulb.")
    Format format;

    @Option(names = "--split", paramLabel = "PART", defaultValue = "all", converter = SplitConverter.class,
            description = "Which rows to use: all, train or test (stratified, seeded). Default: ${DEFAULT-VALUE}.")
    Split split;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.3",
            description = "Share of each class in the test part. Default: ${DEFAULT-VALUE}.")
    double testFraction;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for the split (and training). Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The whole file read in its format (no split applied). */
    Dataset readAll() {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no data file at " + file.toAbsolutePath(), ExitCodes.USAGE, null);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new CliException("--test-fraction must be between 0 and 1, got " + testFraction, ExitCodes.USAGE, null);
        }
        try {
            return switch (format) {
                case PAYSIM -> PaySimReader.read(file);
                case ULB -> UlbReader.read(file);
                case FARTHING -> FeatureReplay.dataset(file);
            };
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException("cannot read " + file + " as " + name(format) + ": " + e.getMessage(), e);
        }
    }

    DatasetSplit splitOf(Dataset all) {
        return DatasetSplit.of(all, testFraction, seed);
    }

    /** The rows the command asked for. */
    Dataset selected(Dataset all) {
        return switch (split) {
            case ALL -> all;
            case TRAIN -> splitOf(all).train();
            case TEST -> splitOf(all).test();
        };
    }

    ObjectNode describe(Dataset selected) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("file", file.getFileName().toString());
        json.put("format", name(format));
        json.put("split", name(split));
        if (split != Split.ALL) {
            json.put("test_fraction", testFraction);
            json.put("split_seed", seed);
        }
        json.put("rows", selected.size());
        json.put("positives", selected.positives());
        return json;
    }

    /** One line for humans, e.g. "paysim-sample.csv (paysim, test part: 30% by seed 7)". */
    String summary() {
        String part = switch (split) {
            case ALL -> "all rows";
            case TRAIN, TEST -> name(split) + " part of a " + Math.round(testFraction * 100) + "% test split, seed " + seed;
        };
        return file.getFileName() + " (" + name(format) + ", " + part + ")";
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
                        "unknown split '" + value + "' (expected all, train or test)");
            }
        }
    }
}
