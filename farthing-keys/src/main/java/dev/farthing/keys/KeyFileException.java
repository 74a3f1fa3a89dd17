package dev.farthing.keys;

/** A key file that cannot be opened; {@link #code()} is a stable snake_case reason. */
public final class KeyFileException extends RuntimeException {
    private final String code;

    public KeyFileException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** key_file_wrong_passphrase, key_file_tampered, key_file_purpose_mismatch, key_file_format or key_file_io. */
    public String code() {
        return code;
    }
}
