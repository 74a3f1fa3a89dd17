package dev.farthing.server.http.risk;

import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.risk.engine.RiskRefusal;
import dev.farthing.server.http.ApiException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for the risk engine on the request's virtual thread and turns its refusals into problem codes. */
final class RiskCalls {
    static final long TIMEOUT_S = 30;

    private RiskCalls() {
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            throw ApiException.of(ErrorCode.UNAVAILABLE, "the risk engine did not answer within " + TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ErrorCode.UNAVAILABLE, "interrupted while waiting for the risk engine");
        }
    }

    static ApiException translate(Throwable t) {
        if (t instanceof RiskRefusal r) {
            return ApiException.of(r);
        }
        return ApiException.of(ErrorCode.UNAVAILABLE, "the risk engine is unavailable: " + t.getClass().getSimpleName());
    }
}
