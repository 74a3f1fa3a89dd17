package dev.farthing.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A strict pull reader over one request body. Every method checks the JSON type of the current value and
 * refuses anything else with {@code invalid_request} naming the field ({@code transfers[3].amount}).
 * Amounts and counts are JSON integers only, within a signed 64-bit long: a string of digits, a fraction, an
 * exponent ({@code 1e3} is a float token) or a boolean is refused, so no client library's number formatting
 * can move a different amount than the one it meant.
 * <p>
 * A body that is read as a tree (a payment, whose optional context is read leniently around the strict fields)
 * is read with {@link JsonTree}: the same rules over a {@link JsonNode}, refusing with {@link InvalidField}, which
 * carries the field's dotted path so a route can answer with its own code.
 */
public final class JsonIn {
    private static final ObjectMapper TREES = new ObjectMapper(Json.FACTORY);
    static final String AMOUNT = "must be a positive JSON integer of minor units (not a string, fraction or exponent)";
    private final JsonParser p;
    private String prefix = "";

    private JsonIn(JsonParser p) {
        this.p = p;
    }

    /** Parses the whole body with {@code reader}; malformed JSON or trailing content is {@code invalid_request}. */
    public static <T> T read(byte[] body, Function<JsonIn, T> reader) {
        if (body.length == 0) {
            throw ApiException.invalid("a JSON request body is required");
        }
        try (JsonParser parser = Json.FACTORY.createParser(body)) {
            JsonIn in = new JsonIn(parser);
            parser.nextToken();
            T value = reader.apply(in);
            if (parser.nextToken() != null) {
                throw ApiException.invalid("unexpected content after the JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw JsonTokens.malformedAt(e);
        } catch (JsonTokens.UncheckedJson e) {
            throw JsonTokens.malformed(e.getCause());
        } catch (IOException e) {
            throw JsonTokens.unreadable(e);
        }
    }

    /** Parses the whole body as a tree (for {@link JsonTree}); malformed JSON is {@code invalid_request}. */
    public static JsonNode tree(byte[] body) {
        if (Body.isEmpty(body)) {
            throw ApiException.invalid("a JSON request body is required");
        }
        try {
            return TREES.readTree(body);
        } catch (JacksonException e) {
            throw JsonTokens.malformed(e);
        } catch (IOException e) {
            throw JsonTokens.unreadable(e);
        }
    }

    /** Where a field sits, for messages: {@code transfers[2].amount}. */
    public String where(String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    public String prefix() {
        return prefix;
    }

    /** Sets the path prefix for the fields that follow (e.g. {@code transfers[3]}); returns the old one. */
    public String enter(String newPrefix) {
        String old = prefix;
        prefix = newPrefix;
        return old;
    }

    public ApiException invalid(String field, String problem) {
        return ApiException.invalid(where(field) + " " + problem);
    }

    public ApiException unknownField(String field) {
        return ApiException.invalid("unknown field " + where(field));
    }

    /** The current value must be an object; {@code what} names it for messages. */
    public void startObject(String what) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw ApiException.invalid((what.isEmpty() ? "the request body" : what) + " must be a JSON object");
        }
    }

    /** Advances to the next field's value and returns its name, or null at the end of the object. */
    public String nextField() {
        JsonToken t = next();
        if (t == JsonToken.END_OBJECT) {
            return null;
        }
        String name = currentName();
        next();
        return name;
    }

    public boolean isNull() {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    public boolean isArrayStart() {
        return p.currentToken() == JsonToken.START_ARRAY;
    }

    /** Advances inside an array: true when positioned on the next element, false at its end. */
    public boolean nextElement() {
        return next() != JsonToken.END_ARRAY;
    }

    public String string(String field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw invalid(field, "must be a string");
        }
        return text();
    }

    /** A string, or null when the value is JSON null. */
    public String optionalString(String field) {
        return isNull() ? null : string(field);
    }

    public boolean bool(String field) {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw invalid(field, "must be true or false");
        }
        return t == JsonToken.VALUE_TRUE;
    }

    /** A positive amount of minor units: a JSON integer 1..2^63-1 (never a string, fraction or exponent). */
    public long amount(String field) {
        long v = nonNegative(field, AMOUNT);
        if (v == 0) {
            throw invalid(field, "must be positive");
        }
        return v;
    }

    /** A non-negative JSON integer no larger than {@code max} (never a string, fraction or exponent). */
    public long nonNegative(String field, long max) {
        long v = nonNegative(field, "must be a non-negative JSON integer (not a string, fraction or exponent)");
        if (v > max) {
            throw invalid(field, "must be at most " + max);
        }
        return v;
    }

    private long nonNegative(String field, String expectation) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            try {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw invalid(field, "is too large (at most " + Long.MAX_VALUE + ")");
                }
                long v = p.getLongValue();
                if (v < 0) {
                    throw invalid(field, expectation);
                }
                return v;
            } catch (IOException e) {
                throw invalid(field, "is not a valid integer");
            }
        }
        throw invalid(field, expectation);
    }

    /** A flat object of string values, or an empty map when null. */
    public Map<String, String> stringMap(String field, int maxEntries) {
        if (isNull()) {
            return Map.of();
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw invalid(field, "must be an object of string values");
        }
        Map<String, String> map = new LinkedHashMap<>();
        String key;
        while ((key = nextField()) != null) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw invalid(field + "." + key, "must be a string");
            }
            if (map.size() >= maxEntries) {
                throw invalid(field, "may have at most " + maxEntries + " entries");
            }
            map.put(key, text());
        }
        return map;
    }

    private JsonToken next() {
        return JsonTokens.next(p);
    }

    private String text() {
        return JsonTokens.text(p);
    }

    private String currentName() {
        return JsonTokens.currentName(p);
    }
}
