package dev.farthing.simulator.traffic;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects generated payments inside the simulated window and hands them back in time order. Payment ids
 * carry the seed so that runs with different seeds can be sent to one server; the platform takes a 5% fee
 * (when it is at least one unit) as a linked leg.
 */
public final class Emitter {
    public static final String FEE_ACCOUNT = "platform.fees";
    private final String idPrefix;
    private final String currency;
    private final long start;
    private final long end;
    private final List<PaymentRecord> records = new ArrayList<>();
    private long counter;

    public Emitter(long seed, String currency, long start, long end) {
        this.idPrefix = "p" + Long.toHexString(seed) + "-";
        this.currency = currency;
        this.start = start;
        this.end = end;
    }

    /** Records one payment; payments outside the window are dropped. Returns whether it was kept. */
    public boolean pay(long at, String payer, String payee, long amount, PaymentContext context, String scenario,
                       String campaign) {
        if (at < start || at >= end) {
            return false;
        }
        PaymentRequest.Fee fee = amount >= 20 ? new PaymentRequest.Fee(FEE_ACCOUNT, amount / 20) : null;
        PaymentRequest p = new PaymentRequest(idPrefix + counter++, payer, payee, amount, currency, fee, context);
        boolean legit = PaymentRecord.LEGIT.equals(scenario);
        records.add(new PaymentRecord(at, p, legit ? Label.LEGIT : Label.FRAUD, scenario, campaign));
        return true;
    }

    public boolean inWindow(long at) {
        return at >= start && at < end;
    }

    /** Every kept payment, in time order (ties keep generation order). */
    public List<PaymentRecord> sorted() {
        List<PaymentRecord> out = new ArrayList<>(records);
        out.sort(Comparator.comparingLong(PaymentRecord::atNanos));
        return out;
    }
}
