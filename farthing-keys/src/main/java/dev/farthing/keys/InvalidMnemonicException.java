package dev.farthing.keys;

/** A mnemonic that is not valid BIP-39; {@link #code()} is a stable snake_case reason. */
public final class InvalidMnemonicException extends IllegalArgumentException {
    private final String code;

    public InvalidMnemonicException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /** One of mnemonic_word_count, mnemonic_unknown_word, mnemonic_checksum. */
    public String code() {
        return code;
    }
}
