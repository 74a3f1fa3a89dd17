package dev.farthing.watchtower.client;

/** The tower refused an upload (or could not be reached: status 0, code {@code unreachable}). */
public final class TowerException extends RuntimeException {
    private final int status;
    private final String code;

    public TowerException(int status, String code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The tower's stable snake_case problem code, e.g. {@code unauthorized}, {@code hint_full}. */
    public String code() {
        return code;
    }
}
