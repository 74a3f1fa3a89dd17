package dev.farthing.server.http;

import dev.farthing.contracts.RefusalCategory;
import dev.farthing.ledger.model.ErrorCode;
import io.javalin.http.Context;

import java.util.Locale;

/**
 * RFC 9457 problem details: {@code {type, title, status, detail, code}} as {@code application/problem+json}.
 * {@code code} is the stable machine-readable reason ({@link ErrorCode#code()} or one of the HTTP-layer codes
 * below); {@code type} is a URI made from it.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://farthing.dev/problems/";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String INTERNAL = "internal";
    /** A request body that is not JSON (or, where a route takes it, plain text): 415. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** A request Jetty gave up on because the client was too slow: 408. */
    public static final String REQUEST_TIMEOUT = "request_timeout";
    /** A protocol this server does not speak (an HTTP version, an upgrade): 426 or 505. */
    public static final String UNSUPPORTED_PROTOCOL = "unsupported_protocol";

    private Problems() {
    }

    /**
     * The one mapping from a refusal's category to an HTTP status. Every domain's refusals (ledger, risk,
     * channels, ...) reach HTTP through it; exhaustive, so a new category cannot silently become a 500.
     */
    public static int statusOf(RefusalCategory category) {
        return switch (category) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REFUSED -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    /** The HTTP status for a ledger refusal. */
    public static int statusOf(ErrorCode code) {
        return statusOf(categoryOf(code));
    }

    /** The ledger's codes in the contracts' categories (the ledger itself knows no contracts module). */
    public static RefusalCategory categoryOf(ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST -> RefusalCategory.INVALID;
            case SYSTEM_ACCOUNT -> RefusalCategory.FORBIDDEN;
            case NOT_FOUND -> RefusalCategory.NOT_FOUND;
            case ID_CONFLICT, ALREADY_POSTED, ALREADY_VOIDED, PENDING_EXPIRED, NOT_PENDING, ACCOUNT_NOT_EMPTY ->
                    RefusalCategory.CONFLICT;
            case INSUFFICIENT_FUNDS, CURRENCY_MISMATCH, UNKNOWN_CURRENCY, ACCOUNT_FROZEN, ACCOUNT_CLOSED,
                 SAME_ACCOUNT, OVERFLOW, EXCEEDS_PENDING_AMOUNT, LINKED_TRANSFER_FAILED -> RefusalCategory.REFUSED;
            case CIRCUIT_OPEN, OVERLOADED, UNAVAILABLE -> RefusalCategory.UNAVAILABLE;
        };
    }

    /**
     * The code for a status the HTTP layer (Jetty, Javalin) answered on its own. A closed set: every 4xx without a
     * code of its own is {@code invalid_request}, every 5xx {@code internal}, so no code is made up from a number.
     */
    public static String codeForStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND.code();
            case 405 -> METHOD_NOT_ALLOWED;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 426, 505 -> UNSUPPORTED_PROTOCOL;
            default -> status >= 500 ? INTERNAL : ErrorCode.INVALID_REQUEST.code();
        };
    }

    /** A short human title for a code: {@code insufficient_funds} becomes "Insufficient funds". */
    public static String titleOf(String code) {
        String words = code.replace('_', ' ');
        return words.isEmpty() ? "Error" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** Writes the problem to the response, with the headers its status calls for. */
    public static void write(Context ctx, int status, String code, String detail) {
        ctx.status(status);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"farthing\"");
        }
        if (status == 503) {
            ctx.header("Retry-After", ErrorCode.CIRCUIT_OPEN.code().equals(code) ? "30" : "1");
        }
        ctx.contentType(CONTENT_TYPE);
        ctx.result(render(status, code, detail));
    }

    public static void write(Context ctx, ApiException e) {
        write(ctx, e.status(), e.code(), e.detail());
    }

    public static byte[] render(int status, String code, String detail) {
        return render(status, code, detail, g -> { });
    }

    /** The same, with extension members (e.g. {@code field}, {@code errors}) written after the standard ones. */
    public static byte[] render(int status, String code, String detail, Json.Writer extensions) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", TYPE_BASE + code);
            g.writeStringField("title", titleOf(code));
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail == null ? titleOf(code) : detail);
            g.writeStringField("code", code);
            extensions.write(g);
            g.writeEndObject();
        });
    }
}
