package dev.farthing.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.ledger.api.Ledger;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.List;

/**
 * The one listing style: {@code ?limit=N&after=CURSOR}, reply {@code {"data": [...], "next_cursor": ...}}. A page
 * holds 1..{@link #MAX_LIMIT} items ({@link #DEFAULT_LIMIT} unless asked); {@code next_cursor} is null on the last
 * page and otherwise goes back as {@code after} for the next one. Cursors are opaque to clients.
 */
public final class Paging {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = Ledger.MAX_PAGE;
    public static final int MAX_CURSOR_LENGTH = 512;

    /** Writes one item of a page. */
    public interface ItemWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private Paging() {
    }

    /** {@code ?limit}: absent is {@link #DEFAULT_LIMIT}; anything but an integer 1..{@link #MAX_LIMIT} is 400. */
    public static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        if (raw.isEmpty() || raw.length() > 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(raw) < 1 || Integer.parseInt(raw) > MAX_LIMIT) {
            throw ApiException.invalid("limit must be an integer 1.." + MAX_LIMIT);
        }
        return Integer.parseInt(raw);
    }

    /** A cursor parameter ({@code after}, say): null when absent or empty; 400 when it cannot be one we issued. */
    public static String cursor(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > MAX_CURSOR_LENGTH || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.invalid(name + " is not a cursor this server issued");
        }
        return raw;
    }

    public static <T> void reply(Context ctx, List<T> items, String nextCursor, ItemWriter<T> writer) {
        Replies.json(ctx, 200, Json.bytes(1024, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (T item : items) {
                writer.write(g, item);
            }
            g.writeEndArray();
            g.writeStringField("next_cursor", nextCursor);
            g.writeEndObject();
        }));
    }
}
