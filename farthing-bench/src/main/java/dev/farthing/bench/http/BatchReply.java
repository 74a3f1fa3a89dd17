package dev.farthing.bench.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Counts the per-transfer results of a {@code POST /v1/transfers/batch} reply
 * ({@code {"results":[...]}}) with a streaming parser: the reply of an 8,192-transfer batch is about 3 MB
 * and building a tree of it would cost the load generator more CPU than the server spends deciding it.
 *
 * @param ok         results that carry a committed transfer
 * @param failed     results that carry a refusal
 * @param firstError the first refusal's code, or null
 */
public record BatchReply(int ok, int failed, String firstError) {
    private static final JsonFactory JSON = new JsonFactory();

    public static BatchReply parse(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("batch reply is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("results") && p.currentToken() == JsonToken.START_ARRAY) {
                    return countResults(p);
                }
                p.skipChildren();
            }
        }
        throw new IOException("batch reply has no results array");
    }

    private static BatchReply countResults(JsonParser p) throws IOException {
        int ok = 0;
        int failed = 0;
        String firstError = null;
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String error = resultError(p);
            if (error == null) {
                ok++;
            } else {
                failed++;
                firstError = firstError == null ? error : firstError;
            }
        }
        return new BatchReply(ok, failed, firstError);
    }

    /**
     * Reads one result object ({@code {"id", "status": "ok"|"error", "replayed", "transfer" | "error": {code,
     * detail}}}); returns null when it committed a new transfer, else why not. A replay counts as a failure
     * here: every id in a benchmark is fresh, so a replay means the client or server mixed requests up.
     */
    private static String resultError(JsonParser p) throws IOException {
        String error = null;
        boolean refused = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "status" -> refused |= value == JsonToken.VALUE_STRING ? !p.getText().equals("ok")
                        : value == JsonToken.VALUE_NUMBER_INT && p.getIntValue() >= 400;
                case "replayed" -> {
                    if (value == JsonToken.VALUE_TRUE) {
                        refused = true;
                        error = error == null ? "replayed" : error;
                    }
                }
                case "code" -> error = value == JsonToken.VALUE_STRING ? p.getText() : error;
                case "error" -> {
                    refused = true;
                    if (value == JsonToken.START_OBJECT) {
                        String nested = errorCode(p);
                        error = nested != null ? nested : "error";
                    } else {
                        error = value == JsonToken.VALUE_STRING ? p.getText() : "error";
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return refused ? (error != null ? error : "refused") : null;
    }

    /** The {@code code} field of an error object; consumes the object. */
    private static String errorCode(JsonParser p) throws IOException {
        String code = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("code") && value == JsonToken.VALUE_STRING) {
                code = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return code;
    }
}
