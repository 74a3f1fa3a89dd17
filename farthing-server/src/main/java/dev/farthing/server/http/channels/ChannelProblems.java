package dev.farthing.server.http.channels;

import dev.farthing.channels.ChannelException;
import dev.farthing.server.http.ApiException;

/** Maps channel refusals to problem+json: the code is kept, the category picks the HTTP status. */
final class ChannelProblems {
    private ChannelProblems() {
    }

    static ApiException of(ChannelException e) {
        if (e.ledgerError() != null) {
            return ApiException.of(e.ledgerError(), e.detail());
        }
        int status = switch (e.error().category()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case REFUSED -> 422;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
        return new ApiException(status, e.code(), e.detail());
    }
}
