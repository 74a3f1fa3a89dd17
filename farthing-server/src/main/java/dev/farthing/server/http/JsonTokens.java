package dev.farthing.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The parser calls {@link JsonIn} makes, with Jackson's checked exceptions turned into {@code invalid_request}
 * problems: a syntax error met mid-body travels out as {@link UncheckedJson} to {@link JsonIn#read}, which
 * words it like one met at the start.
 */
final class JsonTokens {
    private JsonTokens() {
    }

    static JsonToken next(JsonParser p) {
        try {
            return p.nextToken();
        } catch (JacksonException e) {
            throw new UncheckedJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    static String text(JsonParser p) {
        try {
            return p.getText();
        } catch (JacksonException e) {
            throw new UncheckedJson(e);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    static String currentName(JsonParser p) {
        try {
            return p.currentName();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Malformed JSON, with the line and column where the parser knows them. */
    static ApiException malformedAt(JacksonException e) {
        return ApiException.invalid("malformed JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")"));
    }

    static ApiException malformed(JacksonException e) {
        return ApiException.invalid("malformed JSON: " + e.getOriginalMessage());
    }

    static ApiException unreadable(IOException e) {
        return ApiException.invalid("unreadable request body: " + e.getMessage());
    }

    /** Carries a parse error out of the non-throwing helpers to {@link JsonIn#read}. */
    static final class UncheckedJson extends RuntimeException {
        UncheckedJson(JacksonException cause) {
            super(cause);
        }

        @Override
        public synchronized JacksonException getCause() {
            return (JacksonException) super.getCause();
        }
    }
}
