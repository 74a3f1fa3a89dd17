package dev.farthing.server.http.channels;

import dev.farthing.channels.ChannelException;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Problems;

/** Maps channel refusals to problem+json: the code is kept, the category picks the HTTP status. */
final class ChannelProblems {
    private ChannelProblems() {
    }

    static ApiException of(ChannelException e) {
        if (e.ledgerError() != null) {
            return ApiException.of(e.ledgerError(), e.detail());
        }
        return new ApiException(Problems.statusOf(e.error().category()), e.code(), e.detail());
    }
}
