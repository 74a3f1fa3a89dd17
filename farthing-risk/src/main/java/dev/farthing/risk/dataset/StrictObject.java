package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.ledger.model.Validation;

import java.util.Iterator;
import java.util.Set;

/**
 * A JSON object read strictly: only the named fields may appear, every value is type-checked, and every
 * complaint names the field's dotted path. JSON null reads as absent. The dataset format's one reader.
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
            throw new InvalidRecordException(path, path.isEmpty() ? "the body must be a JSON object" : "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidRecordException(where(path, name), "is not a known field");
            }
        }
        return new StrictObject(node, path);
    }

    /** {@code node} must be an object; its field names are checked later, if at all. */
    static StrictObject anyFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidRecordException(path, "must be an object");
        }
        return new StrictObject(node, path);
    }

    String where(String field) {
        return where(path, field);
    }

    private static String where(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    InvalidRecordException invalid(String field, String message) {
        return new InvalidRecordException(where(field), message);
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

    /** An object-valued field, or null when absent. */
    JsonNode object(String field) {
        JsonNode v = value(field);
        if (v != null && !v.isObject()) {
            throw invalid(field, "must be an object");
        }
        return v;
    }

    /** Optional free text of 1..{@code maxLength} characters without control characters, or null. */
    String optionalText(String field, int maxLength) {
        JsonNode v = value(field);
        return v == null ? null : text(field, v, maxLength);
    }

    /** Any finite JSON number within [min, max] (integers, fractions and exponents alike), or null when absent. */
    Double number(String field, double min, double max) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        String problem = numberProblem(v, min, max);
        if (problem != null) {
            throw invalid(field, problem);
        }
        return v.doubleValue();
    }

    /** A count: a JSON number with no fractional part ({@code 12} or {@code 12.0}) within 0..max, or null. */
    Integer count(String field, int max) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        String problem = numberProblem(v, 0, max);
        if (problem == null && v.doubleValue() != Math.rint(v.doubleValue())) {
            problem = "must be a whole number within 0.." + max;
        }
        if (problem != null) {
            throw invalid(field, problem);
        }
        return (int) v.doubleValue();
    }

    /** An instant (see {@link Rfc3339#parse}) within {@link Rfc3339#SIGNAL_RANGE}, or {@code absent}. */
    long time(String field, long absent) {
        JsonNode v = value(field);
        if (v == null) {
            return absent;
        }
        if (!v.isTextual()) {
            throw invalid(field, "must be an RFC 3339 string like 2026-01-01T00:00:00Z");
        }
        try {
            return Rfc3339.parseSignal(v.textValue());
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    /** Why {@code v} is not a finite number within [min, max], or null when it is one. */
    static String numberProblem(JsonNode v, double min, double max) {
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            return "must be a number within " + bound(min) + ".." + bound(max);
        }
        double d = v.doubleValue();
        return d < min || d > max ? "must be within " + bound(min) + ".." + bound(max) : null;
    }

    private static String bound(double b) {
        return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
    }
}
