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
