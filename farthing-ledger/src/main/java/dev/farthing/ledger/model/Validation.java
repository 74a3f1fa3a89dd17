package dev.farthing.ledger.model;

import java.util.Map;

/** Shape checks shared by every command: identifiers, codes and metadata. Throws {@code invalid_request}. */
public final class Validation {
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_METADATA_ENTRIES = 16;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 256;

    private Validation() {
    }

    /** Ids are 1..64 chars of {@code [A-Za-z0-9._:-]}. */
    public static String requireId(String what, String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw invalid(what + " must be 1.." + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            if (!isIdChar(id.charAt(i))) {
                throw invalid(what + " may only contain A-Z a-z 0-9 . _ : -");
            }
        }
        return id;
    }

    public static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == ':' || c == '-';
    }

    public static long requirePositiveAmount(String what, long amount) {
        if (amount <= 0) {
            throw invalid(what + " must be a positive integer of minor units");
        }
        return amount;
    }

    public static Map<String, String> requireMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            return Map.of();
        }
        if (metadata.size() > MAX_METADATA_ENTRIES) {
            throw invalid("metadata may have at most " + MAX_METADATA_ENTRIES + " entries");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getKey().length() > MAX_METADATA_KEY_LENGTH) {
                throw invalid("metadata keys must be 1.." + MAX_METADATA_KEY_LENGTH + " characters");
            }
            if (e.getValue() == null || e.getValue().length() > MAX_METADATA_VALUE_LENGTH) {
                throw invalid("metadata values must be strings of at most " + MAX_METADATA_VALUE_LENGTH + " characters");
            }
        }
        return Map.copyOf(metadata);
    }

    public static LedgerException invalid(String detail) {
        return new LedgerException(ErrorCode.INVALID_REQUEST, detail);
    }
}
