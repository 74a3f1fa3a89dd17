package dev.farthing.server.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads request bodies with a hard size limit: a declared {@code Content-Length} over it is refused before
 * reading; an undeclared (chunked) body is refused as soon as it passes it. Both are 413
 * {@code payload_too_large}.
 */
public final class Body {
    /** Fits a batch of 8,192 transfers with ids, codes and a little metadata. */
    public static final int MAX_BYTES = 4 << 20;

    private Body() {
    }

    public static byte[] read(Context ctx) {
        return read(ctx, MAX_BYTES);
    }

    public static byte[] read(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buf = new byte[declared >= 0 ? (int) declared : 8192];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (n > limit) {
                        throw tooLarge(limit);
                    }
                    buf = Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, 8192), limit + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > limit) {
                throw tooLarge(limit);
            }
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        } catch (IOException e) {
            throw ApiException.invalid("could not read the request body: " + e.getMessage());
        }
    }

    /**
     * Refuses (415 {@code unsupported_media_type}) a request that carries a body which is not JSON:
     * {@code application/json} or {@code application/*+json}, with any parameters; {@code text/plain} too when
     * {@code textToo}. A request without a body passes whatever its headers say.
     */
    public static void requireSupportedType(Context ctx, boolean textToo) {
        if (!hasBody(ctx)) {
            return;
        }
        String header = ctx.req().getContentType();
        String media = header == null ? "" : header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
        if (json || (textToo && media.equals("text/plain"))) {
            return;
        }
        throw new ApiException(415, Problems.UNSUPPORTED_MEDIA_TYPE, "the request body must be application/json"
                + (textToo ? " or text/plain" : "") + "; got " + (header == null ? "no Content-Type" : header));
    }

    private static boolean hasBody(Context ctx) {
        if (ctx.req().getContentLengthLong() > 0) {
            return true;
        }
        String encoding = ctx.req().getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** True when the request carries no body at all (optional bodies). */
    public static boolean isEmpty(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static ApiException tooLarge(int limit) {
        return new ApiException(413, Problems.PAYLOAD_TOO_LARGE, "request body exceeds " + limit + " bytes");
    }
}
