package dev.farthing.server.http.channel;

import dev.farthing.channels.ChannelError;
import dev.farthing.channels.ChannelException;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Problems;

/** Maps channel refusals to problem+json: the code is kept, the category picks the HTTP status. */
final class ChannelProblems {
    private ChannelProblems() {
    }

    static ApiException of(ChannelException e) {
        if (e.error() == ChannelError.LEDGER_REFUSED) {
            for (ErrorCode code : ErrorCode.values()) {
                if (code.code().equals(e.code())) {
                    return new ApiException(Problems.statusOf(code), e.code(), e.detail());
                }
            }
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
