package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.risk.dataset.Rfc3339;
import dev.farthing.server.http.JsonTree;

import java.util.Iterator;
import java.util.Set;

/**
 * An object of optional signals read leniently: a value of the wrong type, out of range or unknown is left
 * out and recorded in {@link Warnings} under its dotted path, never refused. JSON null reads as absent without
 * a warning (the client did not measure it). Compare {@link JsonTree}, which refuses the same faults.
 */
final class Signals {
    private final JsonNode node;
    private final String path;
    private final Warnings warnings;

    private Signals(JsonNode node, String path, Warnings warnings) {
        this.node = node;
        this.path = path;
        this.warnings = warnings;
    }

    /** {@code node} is an object; every field outside {@code known} is listed as ignored. */
    static Signals of(JsonNode node, String path, Set<String> known, Warnings warnings) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                warnings.add(where(path, name), "is not a known field");
            }
        }
        return new Signals(node, path, warnings);
    }

    String where(String field) {
        return where(path, field);
    }

    private static String where(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    Warnings warnings() {
        return warnings;
    }

    /** Records that {@code field} is not used because of {@code problem}. */
    void drop(String field, String problem) {
        warnings.add(where(field), problem);
    }

    /** The field's value, or null when absent or JSON null. */
    JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** An object-valued field, or null (with a warning when it is present but not an object). */
    JsonNode object(String field) {
        JsonNode v = value(field);
        if (v != null && !v.isObject()) {
            drop(field, "must be an object");
            return null;
        }
        return v;
    }

    /** Free text of 1..{@code maxLength} characters without control characters, or null. */
    String text(String field, int maxLength) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        String problem = JsonTree.textProblem(v, maxLength);
        if (problem != null) {
            drop(field, problem);
            return null;
        }
        return v.textValue();
    }

    /** Any finite JSON number within [min, max] (integers, fractions and exponents alike), or null. */
    Double number(String field, double min, double max) {
        JsonNode v = value(field);
        if (v == null) {
            return null;
        }
        String problem = numberProblem(v, min, max);
        if (problem != null) {
            drop(field, problem);
            return null;
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
            drop(field, problem);
            return null;
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
            drop(field, "must be an RFC 3339 string like 2026-01-01T00:00:00Z");
            return absent;
        }
        try {
            return Rfc3339.parseSignal(v.textValue());
        } catch (IllegalArgumentException e) {
            drop(field, e.getMessage());
            return absent;
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
