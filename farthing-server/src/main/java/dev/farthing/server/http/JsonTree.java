package dev.farthing.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.ledger.model.Validation;

import java.util.Iterator;
import java.util.Set;

/**
 * A JSON object read strictly: only the named fields may appear, every value is type-checked, and every
 * complaint names the field's dotted path. JSON null reads as absent. The tree-shaped twin of {@link JsonIn}
 * (same rules, refusing with {@link InvalidField}) for bodies read around lenient parts.
 */
public final class JsonTree {
    public static final int MAX_ID_LENGTH = Validation.MAX_ID_LENGTH;
    public static final int MAX_TEXT_LENGTH = 512;
    private final JsonNode node;
    private final String path;

    private JsonTree(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** {@code node} must be an object holding only {@code allowed} fields. */
    public static JsonTree of(JsonNode node, String path, Set<String> allowed) {
        JsonTree tree = anyFields(node, path);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidField(tree.where(name), "is not a known field");
            }
        }
        return tree;
    }

    /** {@code node} must be an object; its field names are the caller's business. */
    public static JsonTree anyFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidField(path, path.isEmpty() ? "the body must be a JSON object" : "must be an object");
        }
        return new JsonTree(node, path);
    }

    public JsonNode node() {
        return node;
    }

    public String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public InvalidField invalid(String field, String problem) {
        return new InvalidField(where(field), problem);
    }

    /** The field's value, or null when absent or JSON null. */
    public JsonNode value(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public JsonNode required(String field) {
        JsonNode v = value(field);
        if (v == null) {
            throw invalid(field, "is required");
        }
        return v;
    }

    /** A ledger-style id: 1..64 characters of A-Z a-z 0-9 . _ : - */
    public String id(String field) {
        String s = string(field, MAX_ID_LENGTH);
        for (int i = 0; i < s.length(); i++) {
            if (!Validation.isIdChar(s.charAt(i))) {
                throw invalid(field, "may only contain A-Z a-z 0-9 . _ : -");
            }
        }
        return s;
    }

    /** A required free-text string of 1..{@code maxLength} characters without control characters. */
    public String string(String field, int maxLength) {
        JsonNode v = required(field);
        String problem = textProblem(v, maxLength);
        if (problem != null) {
            throw invalid(field, problem);
        }
        return v.textValue();
    }

    /** Why {@code v} is not a string of 1..{@code maxLength} characters without control characters, or null. */
    public static String textProblem(JsonNode v, int maxLength) {
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

    /** A positive amount of minor units, by the rule of {@link JsonIn#amount}. */
    public long amount(String field) {
        JsonNode v = required(field);
        if (v.isIntegralNumber() && !v.canConvertToLong()) {
            throw invalid(field, "is too large (at most " + Long.MAX_VALUE + ")");
        }
        if (!v.isIntegralNumber()) {
            throw invalid(field, JsonIn.AMOUNT);
        }
        long amount = v.longValue();
        if (amount <= 0) {
            throw invalid(field, "must be positive");
        }
        return amount;
    }
}
