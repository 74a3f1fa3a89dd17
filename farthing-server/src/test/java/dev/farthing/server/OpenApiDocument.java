package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.server.http.SystemRoutes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document, with a validator for exactly the subset of JSON Schema (2020-12, as OpenAPI 3.1
 * uses it) that the document uses. A keyword the validator does not know is itself an error, so the document
 * cannot start relying on a rule that nothing checks. Test code: the product takes no JSON-schema dependency.
 */
final class OpenApiDocument {
    /** Keywords that constrain a value, each checked below. */
    private static final Set<String> CHECKED = Set.of("type", "$ref", "properties", "required", "additionalProperties",
            "enum", "items", "minItems", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format",
            "oneOf", "allOf", "maxProperties", "propertyNames");
    /** Keywords that only annotate. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "default", "example", "examples", "title",
            "deprecated", "readOnly", "writeOnly");

    final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(SystemRoutes.loadOpenApi()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation object for a method and a path template, or a missing node. */
    JsonNode operation(String method, String template) {
        return root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    }

    /** The documented path template a concrete request path matches ({@code /v1/accounts/a1} → {@code /v1/accounts/{id}}). */
    String templateOf(String method, String requestPath) {
        String bare = requestPath.contains("?") ? requestPath.substring(0, requestPath.indexOf('?')) : requestPath;
        String[] got = bare.split("/", -1);
        String best = null;
        for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String[] want = template.split("/", -1);
            if (want.length != got.length || operation(method, template).isMissingNode()) {
                continue;
            }
            boolean literal = true;
            boolean match = true;
            for (int i = 0; i < want.length && match; i++) {
                boolean param = want[i].startsWith("{");
                match = param ? !got[i].isEmpty() : want[i].equals(got[i]);
                literal &= !param;
            }
            if (match && (best == null || literal)) {
                best = template; // a literal segment (/v1/channels/events) wins over a parameter ({id})
            }
        }
        return best;
    }

    /** The documented response for a status (following a {@code $ref} into components), or a missing node. */
    JsonNode response(JsonNode operation, int status) {
        return resolve(operation.path("responses").path(Integer.toString(status)));
    }

    JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        for (int hops = 0; n.has("$ref") && hops < 16; hops++) {
            String ref = n.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported: " + ref);
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
            n = target;
        }
        return n;
    }

    /** Every way {@code value} breaks {@code schema}, as "path: why" lines; empty when it conforms. */
    List<String> validate(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    private void check(JsonNode v, JsonNode schema, String at, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                errors.add(at + ": no value is allowed here");
            }
            return;
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!CHECKED.contains(k) && !ANNOTATIONS.contains(k)) {
                errors.add(at + ": the schema uses '" + k + "', which this validator does not check");
            }
        }
        if (schema.has("$ref")) {
            check(v, resolve(schema), at, errors);
        }
        if (schema.has("type") && !typeMatches(v, schema.get("type"))) {
            errors.add(at + ": " + kind(v) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), v)) {
            errors.add(at + ": " + v + " is not one of " + schema.get("enum"));
        }
        if (schema.has("allOf")) {
            for (JsonNode s : schema.get("allOf")) {
                check(v, s, at, errors);
            }
        }
        if (schema.has("oneOf")) {
            int matched = 0;
            for (JsonNode s : schema.get("oneOf")) {
                matched += validate(v, s).isEmpty() ? 1 : 0;
            }
            if (matched != 1) {
                errors.add(at + ": matches " + matched + " of the oneOf alternatives, not exactly one");
            }
        }
        if (v.isNumber()) {
            checkNumber(v, schema, at, errors);
        } else if (v.isTextual()) {
            checkString(v.asText(), schema, at, errors);
        } else if (v.isArray()) {
            checkArray(v, schema, at, errors);
        } else if (v.isObject()) {
            checkObject(v, schema, at, errors);
        }
    }

    private static void checkNumber(JsonNode v, JsonNode schema, String at, List<String> errors) {
        if (schema.has("minimum") && v.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": " + v + " is below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && v.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(at + ": " + v + " is above the maximum " + schema.get("maximum"));
        }
        // JSON Schema 2020-12 (OpenAPI 3.1): the exclusive bounds are numbers of their own.
        if (schema.has("exclusiveMinimum") && v.decimalValue().compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
            errors.add(at + ": " + v + " is not above the exclusive minimum " + schema.get("exclusiveMinimum"));
        }
        if (schema.has("exclusiveMaximum") && v.decimalValue().compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
            errors.add(at + ": " + v + " is not below the exclusive maximum " + schema.get("exclusiveMaximum"));
        }
    }

    private static void checkString(String s, JsonNode schema, String at, List<String> errors) {
        int length = s.codePointCount(0, s.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(at + ": '" + s + "' is shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(at + ": '" + s + "' is longer than " + schema.get("maxLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
            errors.add(at + ": '" + s + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.path("format").asText().equals("date-time")) {
            try {
                OffsetDateTime.parse(s);
            } catch (DateTimeParseException e) {
                errors.add(at + ": '" + s + "' is not an RFC 3339 date-time");
            }
        }
    }

    private void checkArray(JsonNode v, JsonNode schema, String at, List<String> errors) {
        if (schema.has("minItems") && v.size() < schema.get("minItems").asInt()) {
            errors.add(at + ": fewer than " + schema.get("minItems") + " items");
        }
        if (schema.has("maxItems") && v.size() > schema.get("maxItems").asInt()) {
            errors.add(at + ": more than " + schema.get("maxItems") + " items");
        }
        if (schema.has("items")) {
            for (int i = 0; i < v.size(); i++) {
                check(v.get(i), schema.get("items"), at + "[" + i + "]", errors);
            }
        }
    }

    private void checkObject(JsonNode v, JsonNode schema, String at, List<String> errors) {
        JsonNode properties = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            if (!v.has(r.asText())) {
                errors.add(at + ": required member '" + r.asText() + "' is missing");
            }
        }
        if (schema.has("maxProperties") && v.size() > schema.get("maxProperties").asInt()) {
            errors.add(at + ": more than " + schema.get("maxProperties") + " members");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (schema.has("propertyNames")) {
                check(new ObjectMapper().getNodeFactory().textNode(name), schema.get("propertyNames"),
                        at + " (member name " + name + ")", errors);
            }
            if (properties.has(name)) {
                check(member.getValue(), properties.get(name), at + "." + name, errors);
            } else if (schema.has("additionalProperties")) {
                JsonNode extra = schema.get("additionalProperties");
                if (extra.isBoolean() && !extra.asBoolean()) {
                    errors.add(at + ": member '" + name + "' is not in the schema");
                } else if (extra.isObject()) {
                    check(member.getValue(), extra, at + "." + name, errors);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "null" -> v.isNull();
            default -> throw new IllegalArgumentException("unknown JSON Schema type " + type);
        };
    }

    private static boolean contains(JsonNode choices, JsonNode v) {
        for (JsonNode c : choices) {
            if (c.equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(JsonNode v) {
        return v.isNull() ? "null" : v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(v.toString());
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
