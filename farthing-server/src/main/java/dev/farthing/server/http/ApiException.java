package dev.farthing.server.http;

import dev.farthing.contracts.Refusal;
import dev.farthing.contracts.RefusalCategory;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;

/**
 * A request refused by the HTTP layer or the ledger, rendered as problem+json with a stable {@code code}.
 * Carries no stack trace: refusals are expected.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(Problems.statusOf(code), code.code(), detail);
    }

    /** A domain's refusal: its code is kept, its category picks the status ({@link Problems#statusOf(RefusalCategory)}). */
    public static ApiException of(Refusal r) {
        return new ApiException(Problems.statusOf(r.category()), r.code(), r.detail());
    }

    public static ApiException of(LedgerException e) {
        return of(e.code(), e.detail());
    }

    public static ApiException invalid(String detail) {
        return of(ErrorCode.INVALID_REQUEST, detail);
    }

    public static ApiException notFound(String detail) {
        return of(ErrorCode.NOT_FOUND, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }
}
