package dev.farthing.simulator.provider;

import dev.farthing.simulator.provider.CamtWriter.Entry;
import dev.farthing.simulator.provider.CamtWriter.EntryKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * camt.053 statements with the faults real banks produce, for testing reconciliation: from what the ledger expects
 * (one line per payout, plus its fee), a statement where some lines are missing, some booked twice (same entry
 * reference), some amounts off by one minor unit (rounding), some value dates late by one to three days, some
 * end-to-end references lost ({@code NOTPROVIDED}), plus extra lines whose reference matches no payout. Every
 * injected fault is listed, so a test can check that each exception is explained and nothing else is one.
 * Seeded: the same expectations, rates and seed give the same statement, byte for byte.
 */
public final class FaultyStatements {

    /** A payout the ledger expects on the statement: its debit, and its fee line when {@code feeMinor > 0}. */
    public record Expected(String endToEndId, String currency, int scale, long amountMinor, LocalDate valueDate,
                           long feeMinor) {
    }

    public enum FaultKind { MISSING, DUPLICATE, ROUNDING, LATE_VALUE_DATE, MISSING_REFERENCE, UNKNOWN_REFERENCE }

    /** One injected fault: which payout (null for an unknown reference), which line, and what was done. */
    public record Fault(FaultKind kind, String endToEndId, String entryRef, String detail) {
    }

    /** Per payout debit line, the chance of each fault (drawn in this order, at most one per line); unknown lines per payout. */
    public record Rates(double missing, double duplicate, double rounding, double lateValueDate,
                        double missingReference, double unknownReference) {
        public Rates {
            double sum = missing + duplicate + rounding + lateValueDate + missingReference;
            for (double r : new double[]{missing, duplicate, rounding, lateValueDate, missingReference, unknownReference}) {
                if (!(r >= 0 && r <= 1)) {
                    throw new IllegalArgumentException("rates must be in [0, 1]");
                }
            }
            if (sum > 1) {
                throw new IllegalArgumentException("per-line fault rates must sum to at most 1");
            }
        }

        /** Each fault on about {@code rate} of the lines. */
        public static Rates uniform(double rate) {
            return new Rates(rate, rate, rate, rate, rate, rate);
        }
    }

    /** The statement, every line it carries, and the faults injected. */
    public record Result(byte[] camt053, List<Entry> entries, List<Fault> faults) {
    }

    private FaultyStatements() {
    }

    public static Result generate(String msgId, Instant createdAt, String iban, LocalDate bookingDate,
                                  List<Expected> expected, Rates rates, long seed) {
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>();
        List<Fault> faults = new ArrayList<>();
        int ref = 0;
        for (Expected x : expected) {
            String entryRef = "E" + (++ref);
            double r = random.nextDouble();
            long amount = x.amountMinor();
            LocalDate valueDate = x.valueDate();
            String e2e = x.endToEndId();
            boolean duplicate = false;
            if (r < rates.missing()) {
                faults.add(new Fault(FaultKind.MISSING, x.endToEndId(), entryRef, "debit line left out"));
                entryRef = null;
            } else if ((r -= rates.missing()) < rates.duplicate()) {
                duplicate = true;
                faults.add(new Fault(FaultKind.DUPLICATE, x.endToEndId(), entryRef, "debit line booked twice"));
            } else if ((r -= rates.duplicate()) < rates.rounding()) {
                long delta = random.nextBoolean() || amount == 1 ? 1 : -1;
                amount = Math.addExact(amount, delta);
                faults.add(new Fault(FaultKind.ROUNDING, x.endToEndId(), entryRef, "amount " + (delta > 0 ? "+1" : "-1") + " minor unit"));
            } else if ((r -= rates.rounding()) < rates.lateValueDate()) {
                int days = 1 + random.nextInt(3);
                valueDate = valueDate.plusDays(days);
                faults.add(new Fault(FaultKind.LATE_VALUE_DATE, x.endToEndId(), entryRef, "value date +" + days + " days"));
            } else if ((r -= rates.lateValueDate()) < rates.missingReference()) {
                e2e = null;
                faults.add(new Fault(FaultKind.MISSING_REFERENCE, x.endToEndId(), entryRef, "end-to-end reference NOTPROVIDED"));
            }
            if (entryRef != null) {
                Entry debit = new Entry(entryRef, "BNK-" + seed + "-" + ref, EntryKind.PAYOUT, x.currency(), x.scale(),
                        amount, bookingDate, valueDate, e2e, null, null, "credit transfer");
                entries.add(debit);
                if (duplicate) {
                    entries.add(debit);
                }
            }
            if (x.feeMinor() > 0) {
                String feeRef = "E" + (++ref);
                entries.add(new Entry(feeRef, "BNK-" + seed + "-" + ref, EntryKind.FEE, x.currency(), x.scale(),
                        x.feeMinor(), bookingDate, x.valueDate(), x.endToEndId(), null, null, "charges"));
            }
            if (random.nextDouble() < rates.unknownReference()) {
                String unknownRef = "E" + (++ref);
                String e2eUnknown = "UNKNOWN-" + Long.toHexString(random.nextLong() & 0xffffffffL);
                long unknownAmount = 1 + random.nextInt(100_000);
                entries.add(new Entry(unknownRef, "BNK-" + seed + "-" + ref, EntryKind.PAYOUT, x.currency(), x.scale(),
                        unknownAmount, bookingDate, x.valueDate(), e2eUnknown, null, null, "credit transfer"));
                faults.add(new Fault(FaultKind.UNKNOWN_REFERENCE, null, unknownRef, e2eUnknown + " matches no payout"));
            }
        }
        byte[] xml = CamtWriter.statement(msgId, createdAt, iban, Map.of(), entries);
        return new Result(xml, List.copyOf(entries), List.copyOf(faults));
    }
}
