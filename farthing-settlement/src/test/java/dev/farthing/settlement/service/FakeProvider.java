package dev.farthing.settlement.service;

import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An in-process provider for tests: fees {@code fixed + bps}, seeded refusals, timeouts (some of which were
 * recorded and pay anyway) and failures; payouts settle when {@link #settleAll} is called. Keeps its own books
 * (what it paid, per payout id) to compare the ledger with.
 */
final class FakeProvider implements PayoutConnector {
    record Held(PayoutInstruction instruction, String reference, String state, long fee, LocalDate valueDate) {
    }

    private final String id;
    private final Random random;
    volatile long fixedFee;
    volatile int bps;
    volatile double refuseRate;
    volatile double unknownRate;
    volatile double unknownRecordedRate;
    volatile double failRate;
    volatile boolean refuseAll;
    final Map<String, Held> byKey = new LinkedHashMap<>();
    final List<String> submits = new ArrayList<>();
    private int seq;

    FakeProvider(String id, long seed, long fixedFee, int bps) {
        this.id = id;
        this.random = new Random(seed);
        this.fixedFee = fixedFee;
        this.bps = bps;
    }

    @Override
    public String providerId() {
        return id;
    }

    @Override
    public synchronized SubmitOutcome submit(PayoutInstruction in) {
        submits.add(in.idempotencyKey());
        Held known = byKey.get(in.idempotencyKey());
        if (known != null) return new SubmitOutcome.Accepted(known.reference());
        if (refuseAll || random.nextDouble() < refuseRate) return new SubmitOutcome.Refused("unavailable", true);
        if (random.nextDouble() < unknownRate) {
            if (random.nextDouble() < unknownRecordedRate) record(in);
            return new SubmitOutcome.Unknown("timed out");
        }
        return new SubmitOutcome.Accepted(record(in).reference());
    }

    private Held record(PayoutInstruction in) {
        Held h = new Held(in, id + "-" + (++seq), "pending", 0, null);
        byKey.put(in.idempotencyKey(), h);
        return h;
    }

    long feeFor(long amount) {
        return fixedFee + (amount * bps + 5_000) / 10_000;
    }

    /** Settles every pending payout: paid (or failed at failRate) on {@code day}; returns the statuses to deliver. */
    synchronized Map<String, ProviderStatus> settleAll(LocalDate day) {
        return settle(day, Integer.MAX_VALUE);
    }

    /** Settles at most {@code limit} pending payouts, oldest first. */
    synchronized Map<String, ProviderStatus> settle(LocalDate day, int limit) {
        Map<String, ProviderStatus> out = new LinkedHashMap<>();
        for (var e : byKey.entrySet()) {
            Held h = e.getValue();
            if (!h.state().equals("pending")) continue;
            if (out.size() >= limit) break;
            boolean fails = random.nextDouble() < failRate;
            Held done = new Held(h.instruction(), h.reference(), fails ? "failed" : "paid",
                    fails ? 0 : feeFor(h.instruction().amountMinor()), day);
            e.setValue(done);
            out.put(e.getKey(), statusOf(done));
        }
        return out;
    }

    private static ProviderStatus statusOf(Held h) {
        return switch (h.state()) {
            case "paid" -> new ProviderStatus.Paid(h.reference(), h.instruction().amountMinor(), h.fee(), h.valueDate());
            case "failed" -> new ProviderStatus.Failed(h.reference(), "beneficiary_account_closed");
            default -> new ProviderStatus.Pending(h.reference());
        };
    }

    @Override
    public synchronized ProviderStatus status(String key) {
        Held h = byKey.get(key);
        return h == null ? new ProviderStatus.NotFound() : statusOf(h);
    }

    @Override
    public boolean cancel(String key) {
        return false;
    }

    @Override
    public synchronized List<StatementLine> statement(LocalDate from, LocalDate to) {
        List<StatementLine> out = new ArrayList<>();
        for (Held h : byKey.values()) {
            if (!h.state().equals("paid") || h.valueDate().isBefore(from) || h.valueDate().isAfter(to)) continue;
            PayoutInstruction in = h.instruction();
            out.add(new StatementLine("L-" + h.reference(), in.payoutId(), h.reference(), StatementLine.Kind.PAYOUT_DEBIT,
                    in.currency(), in.amountMinor(), h.valueDate(), "payout"));
            if (h.fee() > 0) {
                out.add(new StatementLine("F-" + h.reference(), in.payoutId(), h.reference(), StatementLine.Kind.FEE,
                        in.currency(), h.fee(), h.valueDate(), "fee"));
            }
        }
        return out;
    }

    /** Paid total (payouts and fees) in minor units: the provider's side of the books. */
    synchronized long paidTotal() {
        long sum = 0;
        for (Held h : byKey.values()) if (h.state().equals("paid")) sum += h.instruction().amountMinor() + h.fee();
        return sum;
    }

    @Override
    public void close() {
    }
}
