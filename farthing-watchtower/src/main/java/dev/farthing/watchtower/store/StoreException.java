package dev.farthing.watchtower.store;

/** A refused or failed store operation, with a stable snake_case code for the HTTP layer. */
public final class StoreException extends RuntimeException {
    public static final String HINT_FULL = "hint_full";
    public static final String STORE_FULL = "store_full";
    /** The client holds its quota of blobs ({@link StoreOptions#maxPerClient()}). */
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    public static final String STORE_FAILED = "store_failed";
    public static final String STORE_CORRUPTED = "store_corrupted";
    public static final String STORE_CLOSED = "store_closed";
    private final String code;

    public StoreException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
