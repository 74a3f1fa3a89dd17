package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.ledger.model.Validation;

import java.util.Iterator;
import java.util.Set;

/**
 * A JSON object read strictly: only the named fields may appear, every value is type-checked, and every
 * complaint names the field's dotted path. JSON null reads as absent.
 */
final class StrictObject {
    static final int MAX_ID_LENGTH = Validation.MAX_ID_LENGTH;
    static final int MAX_TEXT_LENGTH = 512;
    private final JsonNode node;
    private final String path;

    private StrictObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** {@code node} must be an object holding only {@code allowed} fields. */
    static StrictObject of(JsonNode node, String path, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new InvalidPaymentException(path, path.isEmpty() ? "the body must be a JSON object" : "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidPaymentException(where(path, name), "is not a known field");
            }
        }
        return new StrictObject(node, path);
    }

    /** {@code node} must be an object; its field names are the caller's business (see {@link Signals}). */
    static StrictObject anyFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidPaymentException(path, "must be an object");
        }
        return new StrictObject(node, path);
    }

    String where(String field) {
        return where(path, field);
    }

    private static String where(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    InvalidPaymentException invalid(String field, String message) {
        return new InvalidPaymentException(where(field), message);
    }

    /** The field's value, or null when absent or JSON null. */
    JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    JsonNode required(String field) {
        JsonNode v = value(field);
        if (v == null) {
            throw invalid(field, "is required");
        }
        return v;
    }

    /** A ledger-style id: 1..64 characters of A-Z a-z 0-9 . _ : - */
    String id(String field) {
        String s = text(field, required(field), MAX_ID_LENGTH);
        for (int i = 0; i < s.length(); i++) {
            if (!Validation.isIdChar(s.charAt(i))) {
                throw invalid(field, "may only contain A-Z a-z 0-9 . _ : -");
            }
        }
        return s;
    }

    /** A required free-text string of 1..{@code maxLength} characters without control characters. */
    String string(String field, int maxLength) {
        return text(field, required(field), maxLength);
    }

    private String text(String field, JsonNode v, int maxLength) {
        String problem = textProblem(v, maxLength);
        if (problem != null) {
            throw invalid(field, problem);
        }
        return v.textValue();
    }

    /** Why {@code v} is not a string of 1..{@code maxLength} characters without control characters, or null. */
    static String textProblem(JsonNode v, int maxLength) {
        if (!v.isTextual()) {
            return "must be a string";
        }
        String s = v.textValue();
        if (s.isEmpty() || s.length() > maxLength) {
            return "must be 1.." + maxLength + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return "must not contain control characters";
            }
        }
        return null;
    }

    /**
     * A positive amount of minor units: a JSON integer 1..2^63-1. A string of digits, a fraction or an exponent
     * is refused: money is exact or it is not accepted.
     */
    long amount(String field) {
        JsonNode v = required(field);
        if (v.isIntegralNumber() && !v.canConvertToLong()) {
            throw invalid(field, "is too large (at most " + Long.MAX_VALUE + ")");
        }
        if (!v.isIntegralNumber()) {
            throw invalid(field, "must be a positive JSON integer of minor units (not a string, fraction or exponent)");
        }
        long amount = v.longValue();
        if (amount <= 0) {
            throw invalid(field, "must be positive");
        }
        return amount;
    }
}
