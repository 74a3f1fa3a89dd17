package dev.farthing.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.model.calibration.IsotonicCalibrator;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.gbt.TreeEnsemble;
import dev.farthing.model.guard.TrainingStats;
import dev.farthing.model.gbt.XgboostJson;
import dev.farthing.model.iforest.IsolationForest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code model.json} bundle format:
 * <pre>{"format": "farthing-risk-model", "format_version": 2, "version": "m-&lt;hash&gt;", "created_at": "...",
 *  "feature_names": [...], "gbt": {"xgboost": &lt;XGBoost JSON model&gt;}, "isolation_forest": {...} | null,
 *  "training": {...},
 *  "training_stats": {"rows", "base_rate", "far_spreads", "features": [{"name", "known", "missing", "min", "p0_1",
 *                     "p1", "p5", "p25", "p50", "p75", "p95", "p99", "p99_9", "max", "bin_edges", "bin_fractions"}]},
 *  "calibration": {"method": "isotonic", "rows", "x": [...], "y": [...]},
 *  "thresholds": {"decline", "review", "challenge", "target_false_decline_rate": {...}, "legitimate_rows"}}</pre>
 * The last three are optional (each absent in format_version 1 bundles, which still load: no guard, no
 * calibration, no thresholds).
 * The version is "m-" plus the first 16 hex digits of the SHA-256 of the bundle without version and
 * created_at, so retraining the same data with the same seed yields the same version.
 */
final class RiskModelFile {

    static final String FORMAT = "farthing-risk-model";
    static final int FORMAT_VERSION = 2;
    /** The oldest format this build reads: version 1 lacks the optional guard sections. */
    static final int OLDEST_FORMAT_VERSION = 1;
    /** Bundles are read whole; a limit keeps a wrong path (a data file, a disk image) from exhausting memory. */
    static final long MAX_BYTES = 256L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RiskModelFile() {
    }

    static RiskModel create(List<String> featureNames, JsonNode xgboost, IsolationForest forest,
                            ObjectNode training, Instant createdAt, ModelGuards guards) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("format_version", FORMAT_VERSION);
        ArrayNode names = bundle.putArray("feature_names");
        featureNames.forEach(names::add);
        bundle.putObject("gbt").set("xgboost", xgboost.deepCopy());
        bundle.set("isolation_forest", forest == null ? JSON.nullNode() : forest.toJson());
        bundle.set("training", training == null ? JSON.createObjectNode() : training.deepCopy());
        if (guards.trainingStats() != null) {
            bundle.set("training_stats", guards.trainingStats().toJson());
        }
        if (guards.calibrator() != null) {
            bundle.set("calibration", guards.calibrator().toJson());
        }
        if (guards.thresholds().present()) {
            bundle.set("thresholds", guards.thresholds().toJson());
        }
        String version = versionOf(bundle);
        ObjectNode full = JSON.createObjectNode();
        full.put("format", FORMAT);
        full.put("format_version", FORMAT_VERSION);
        full.put("version", version);
        full.put("created_at", createdAt.toString());
        full.setAll(bundle);
        return fromBundle(full);
    }

    static RiskModel read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ModelFormatException(file + " is " + size + " bytes, larger than a model bundle may be ("
                    + MAX_BYTES + ")");
        }
        return read(file.toString(), Files.readAllBytes(file));
    }

    /** Parses and verifies bundle bytes already in memory (the size bound is for files, checked before reading). */
    static RiskModel read(String source, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelFormatException(source + " is not valid JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (!(root instanceof ObjectNode bundle)) {
            throw new ModelFormatException(source + " is not a JSON object");
        }
        try {
            return fromBundle(bundle);
        } catch (ModelFormatException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": invalid model: " + e.getMessage(), e);
        }
    }

    /** Model files are read by the server, possibly as another user: readable like any file. */
    public static final java.util.Set<java.nio.file.attribute.PosixFilePermission> READABLE =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

    static void write(RiskModel model, Path file) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(model.bundle());
        try {
            dev.farthing.recordlog.AtomicFiles.write(file, bytes, READABLE);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static RiskModel fromBundle(ObjectNode full) {
        if (!FORMAT.equals(full.path("format").asText())) {
            throw new ModelFormatException("not a Farthing model bundle (format is '"
                    + full.path("format").asText("missing") + "', expected '" + FORMAT + "')");
        }
        int formatVersion = full.path("format_version").asInt();
        if (formatVersion < OLDEST_FORMAT_VERSION || formatVersion > FORMAT_VERSION) {
            throw new ModelFormatException("unsupported model format_version " + full.path("format_version")
                    + " (this build reads " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION + ")");
        }
        ObjectNode content = full.deepCopy();
        String version = content.remove("version") == null ? "" : full.path("version").asText();
        content.remove("created_at");
        String expected = versionOf(content);
        if (!expected.equals(version)) {
            throw new ModelFormatException("model content does not match its version (file says '" + version
                    + "', content hashes to '" + expected + "'): the file was modified or damaged");
        }
        List<String> names = new ArrayList<>();
        full.path("feature_names").forEach(n -> names.add(n.asText()));
        TreeEnsemble trees = XgboostJson.read(full.path("gbt").path("xgboost"));
        JsonNode forestJson = full.path("isolation_forest");
        IsolationForest forest = forestJson.isObject() ? IsolationForest.fromJson(forestJson) : null;
        return new RiskModel(version, createdAt(full), names, trees, forest, full, guards(full, names));
    }

    private static ModelGuards guards(JsonNode full, List<String> names) {
        JsonNode stats = full.path("training_stats");
        JsonNode calibration = full.path("calibration");
        JsonNode thresholds = full.path("thresholds");
        return new ModelGuards(stats.isObject() ? TrainingStats.fromJson(stats, names) : null,
                calibration.isObject() ? IsotonicCalibrator.fromJson(calibration) : null,
                thresholds.isObject() ? ScoreThresholds.fromJson(thresholds) : ScoreThresholds.NONE);
    }

    private static Instant createdAt(JsonNode full) {
        try {
            return Instant.parse(full.path("created_at").asText());
        } catch (DateTimeParseException e) {
            throw new ModelFormatException("created_at is not an RFC 3339 instant: " + full.path("created_at"));
        }
    }

    static String versionOf(ObjectNode content) {
        try {
            byte[] canonical = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return "m-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash model content", e);
        }
    }
}
