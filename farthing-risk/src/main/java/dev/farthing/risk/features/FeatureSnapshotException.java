package dev.farthing.risk.features;

/**
 * A feature-state snapshot that cannot be restored. {@link #code()} is stable: {@code feature_snapshot_corrupt}
 * (bad magic, length or checksum, or unparseable content) or {@code feature_snapshot_config_mismatch} (taken
 * under another {@link FeatureConfig}).
 */
public final class FeatureSnapshotException extends RuntimeException {
    public static final String CORRUPT = "feature_snapshot_corrupt";
    public static final String CONFIG_MISMATCH = "feature_snapshot_config_mismatch";

    private final String code;

    public FeatureSnapshotException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
