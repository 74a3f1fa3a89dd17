package dev.farthing.risk.engine;

import java.util.concurrent.CompletableFuture;

/** A caller waiting for a payment's answer; {@code startNanos} (System.nanoTime, for latency only) and whether it is a repeat. */
record Waiter(CompletableFuture<PaymentResult> future, long startNanos, boolean replay) {

    void complete(PaymentResult result) {
        PaymentResult r = replay ? result.asReplay() : result;
        future.complete(r.withLatencyUs((System.nanoTime() - startNanos) / 1_000));
    }
}
