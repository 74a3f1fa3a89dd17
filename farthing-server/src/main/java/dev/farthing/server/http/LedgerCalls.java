package dev.farthing.server.http;

import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits for ledger futures on the request's (virtual) thread and turns every way a call can fail into an
 * {@link ApiException}: refusals keep their code; a full queue is {@code overloaded}; a closed or broken
 * ledger, or one that does not answer in time, is {@code unavailable}.
 */
public final class LedgerCalls {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerCalls.class);
    static final long TIMEOUT_S = 30;

    private LedgerCalls() {
    }

    public static <T> T await(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
        try {
            return future.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw ApiException.of(ErrorCode.UNAVAILABLE, "the ledger did not answer within " + TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ErrorCode.UNAVAILABLE, "interrupted while waiting for the ledger");
        }
    }

    /** The value of an accepted command, or its refusal as an {@link ApiException}. */
    public static <T> T value(Outcome<T> outcome) {
        if (!outcome.isOk()) {
            throw ApiException.of(outcome.error(), outcome.detail());
        }
        return outcome.value();
    }

    public static <T> T awaitValue(Supplier<CompletableFuture<Outcome<T>>> call) {
        return value(await(call));
    }

    private static ApiException translate(Throwable t) {
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof LedgerException le) {
            return ApiException.of(le);
        }
        if (t instanceof RejectedExecutionException) {
            return ApiException.of(ErrorCode.OVERLOADED, "the ledger queue is full; retry shortly");
        }
        LOG.warn("Ledger call failed: {}", t.toString());
        LOG.debug("Ledger call failure", t);
        return ApiException.of(ErrorCode.UNAVAILABLE, "the ledger is unavailable: " + t.getClass().getSimpleName());
    }
}
