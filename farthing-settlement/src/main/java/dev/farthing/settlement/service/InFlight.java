package dev.farthing.settlement.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the writer knows about payouts between a provider call and its answer, in memory only (after a restart the
 * log says it: a submit without an answer is in doubt and is asked about). A payout is <em>busy</em> while a call
 * about it is out or while it waits for a provider slot; callers that sent something wait for it to be quiet.
 * Status polls back off per attempt: each poll that learns nothing final doubles the wait, from {@code pollAfter}
 * up to {@code maxPollInterval}. Every map holds open payouts only.
 */
final class InFlight {
    private final Map<String, String> callOut = new HashMap<>();
    private final Set<String> waitingForSlot = new LinkedHashSet<>();
    private final Map<String, CompletableFuture<Void>> quiet = new HashMap<>();
    /** idempotency key -> {next poll at (ledger ns), interval (ns)}. */
    private final Map<String, long[]> pollBackoff = new HashMap<>();
    private final long firstIntervalNanos;
    private final long maxIntervalNanos;

    InFlight(SettlementConfig config) {
        this.firstIntervalNanos = config.pollAfter().toNanos();
        this.maxIntervalNanos = Math.max(firstIntervalNanos, config.calls().maxPollInterval().toNanos());
    }

    boolean busy(String payoutId) {
        return callOut.containsKey(payoutId) || waitingForSlot.contains(payoutId);
    }

    void callSent(String payoutId, String what) {
        String prior = callOut.put(payoutId, what);
        assert prior == null : "two calls out for payout " + payoutId + ": " + prior + ", " + what;
        waitingForSlot.remove(payoutId);
    }

    void callAnswered(String payoutId) {
        callOut.remove(payoutId);
    }

    void waitForSlot(String payoutId) {
        waitingForSlot.add(payoutId);
    }

    /** The payouts waiting for a slot, oldest first; each is taken off the list (it goes back on if still no room). */
    List<String> takeWaiting() {
        List<String> out = new ArrayList<>(waitingForSlot);
        waitingForSlot.clear();
        return out;
    }

    /** Completes whoever waits for the payout if nothing about it is out any more. */
    void settled(String payoutId) {
        if (busy(payoutId)) return;
        CompletableFuture<Void> f = quiet.remove(payoutId);
        if (f != null) f.complete(null);
    }

    CompletableFuture<Void> whenQuiet(Collection<String> payoutIds) {
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (String id : payoutIds) if (busy(id)) futures.add(quiet.computeIfAbsent(id, k -> new CompletableFuture<>()));
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    Set<String> busyIds() {
        Set<String> out = new LinkedHashSet<>(callOut.keySet());
        out.addAll(waitingForSlot);
        return out;
    }

    boolean pollDue(String key, long now) {
        long[] b = pollBackoff.get(key);
        return b == null || now >= b[0];
    }

    /** A poll answered without a final status: the next waits twice as long (up to the maximum). */
    void polledWithoutEnd(String key, long now) {
        long[] b = pollBackoff.computeIfAbsent(key, k -> new long[]{0, firstIntervalNanos});
        b[0] = now + b[1];
        b[1] = Math.min(maxIntervalNanos, b[1] > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : b[1] * 2);
    }

    void ended(String key) {
        pollBackoff.remove(key);
    }
}
