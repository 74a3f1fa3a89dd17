package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.simulator.provider.SimConfig.CorridorFee;
import dev.farthing.simulator.provider.SimConfig.ProviderKnobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One provider's books and decisions. Every random draw happens under the lock in call order, so a run with the
 * same seed and the same sequence of calls decides the same. Sleeping (latency, hangs) is the caller's job, outside
 * the lock.
 */
final class SimulatedProvider {

    /** What a submit decided; {@code hang} says the answer must be held past the client's timeout. */
    record SubmitDecision(int httpStatus, ObjectNode body, boolean hang) {
    }

    /** An event to deliver as a webhook. */
    record Event(String id, String type, ObjectNode payout) {
    }

    private final Random random;
    private final Map<String, SimPayout> byKey = new LinkedHashMap<>();
    private volatile ProviderKnobs knobs;
    private long nextReference = 1;
    private long nextEvent = 1;

    SimulatedProvider(ProviderKnobs knobs, long seed) {
        this.knobs = knobs;
        this.random = new Random(seed ^ ((long) knobs.id().hashCode() << 32));
    }

    ProviderKnobs knobs() {
        return knobs;
    }

    /** Replaces the knobs (a provider degrading or recovering); books and random stream are kept. */
    void reconfigure(ProviderKnobs newKnobs) {
        if (!newKnobs.id().equals(knobs.id())) {
            throw new IllegalArgumentException("cannot rename provider " + knobs.id());
        }
        knobs = newKnobs;
    }

    synchronized boolean hangs() {
        return random.nextDouble() < knobs.timeoutRate();
    }

    synchronized SubmitDecision submit(String key, SimPayout.Request request, Instant now) {
        SimPayout existing = byKey.get(key);
        if (existing != null) {
            if (!existing.request.equals(request)) {
                return new SubmitDecision(409, error("idempotency_conflict",
                        "idempotency key " + key + " was used for a different payout", false), false);
            }
            return new SubmitDecision(200, existing.toJson(), false);
        }
        ProviderKnobs k = knobs;
        CorridorFee corridor = k.corridor(request.currency(), request.country());
        if (corridor == null) {
            return new SubmitDecision(422, error("corridor_unsupported", "no payouts in " + request.currency()
                    + " to " + request.country(), true), false);
        }
        if (random.nextDouble() < k.refusalRate()) {
            return new SubmitDecision(503, error("unavailable", "provider temporarily unavailable", true), false);
        }
        boolean hang = random.nextDouble() < k.timeoutRate();
        if (hang && random.nextDouble() >= k.timeoutSucceededRate()) {
            // Lost on the way in: nothing recorded, and the client hears nothing either.
            return new SubmitDecision(504, error("timeout", "no answer", true), true);
        }
        String reference = k.id() + "-" + (nextReference++);
        SimPayout payout = new SimPayout(key, reference, request, corridor.feeFor(request.amountMinor()), now,
                now.plusSeconds(k.settleAfterSeconds()));
        byKey.put(key, payout);
        return new SubmitDecision(201, payout.toJson(), hang);
    }

    synchronized ObjectNode status(String key) {
        SimPayout p = byKey.get(key);
        return p == null ? null : p.toJson();
    }

    /** Cancels a pending payout: 200 with cancelled true, 409 with the status when it is already final, null unknown. */
    synchronized CancelAnswer cancel(String key, List<Event> events) {
        SimPayout p = byKey.get(key);
        if (p == null) {
            return null;
        }
        if (p.state != SimPayout.State.PENDING) {
            return new CancelAnswer(false, p.toJson());
        }
        p.fail("cancelled");
        events.add(event("payout.failed", p));
        return new CancelAnswer(true, p.toJson());
    }

    record CancelAnswer(boolean cancelled, ObjectNode payout) {
    }

    /** Settles every pending payout due by {@code now}: paid, or failed at the configured rate. */
    synchronized List<Event> settleDue(Instant now) {
        List<Event> events = new ArrayList<>();
        for (SimPayout p : byKey.values()) {
            if (p.state == SimPayout.State.PENDING && !p.settleAt.isAfter(now)) {
                if (random.nextDouble() < knobs.failureRate()) {
                    p.fail("beneficiary_account_closed");
                    events.add(event("payout.failed", p));
                } else {
                    p.pay();
                    events.add(event("payout.paid", p));
                }
            }
        }
        return events;
    }

    /** Draws whether an event's delivery is lost, and whether it is delivered twice. */
    synchronized boolean[] deliveryFate() {
        boolean lost = random.nextDouble() < knobs.lostWebhookRate();
        boolean duplicate = random.nextDouble() < knobs.duplicateWebhookRate();
        return new boolean[]{lost, duplicate};
    }

    /** Booked lines with value dates in [from, to]: the payout's debit and, apart, its fee. */
    synchronized ArrayNode statement(LocalDate from, LocalDate to) {
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        for (SimPayout p : byKey.values()) {
            if (p.state != SimPayout.State.PAID || p.valueDate.isBefore(from) || p.valueDate.isAfter(to)) {
                continue;
            }
            lines.add(line(p, "D", "PAYOUT_DEBIT", p.request.amountMinor(), "payout " + p.request.payoutId()));
            if (p.feeMinor > 0) {
                lines.add(line(p, "F", "FEE", p.feeMinor, "fee for " + p.request.payoutId()));
            }
        }
        return lines;
    }

    /** Every payout in the books, for tests that compare the ledger with the provider. */
    synchronized ArrayNode books() {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        byKey.values().forEach(p -> all.add(p.toJson()));
        return all;
    }

    private static ObjectNode line(SimPayout p, String suffix, String kind, long amount, String description) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("lineId", p.providerReference + "-" + suffix);
        o.put("endToEndReference", p.request.payoutId());
        o.put("providerReference", p.providerReference);
        o.put("kind", kind);
        o.put("currency", p.request.currency());
        o.put("amountMinor", amount);
        o.put("valueDate", p.valueDate.toString());
        o.put("description", description);
        return o;
    }

    private Event event(String type, SimPayout p) {
        return new Event("evt-" + knobs.id() + "-" + (nextEvent++), type, p.toJson());
    }

    static ObjectNode error(String code, String message, boolean retryable) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("message", message);
        e.put("retryable", retryable);
        return o;
    }
}
