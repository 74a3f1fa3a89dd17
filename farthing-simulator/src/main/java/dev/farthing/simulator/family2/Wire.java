package dev.farthing.simulator.family2;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Family B's output: labelled payment records inside [from, to), the context each client level actually
 * sends, and cohort tags for legitimate groups the evaluation reports on separately (viral bursts). The
 * platform fee here is 3% from 34 units up.
 */
final class Wire {
    static final String FEE_ACCOUNT = "platform.fees";
    private final String prefix;
    private final String currency;
    private final long from;
    private final long to;
    private final List<PaymentRecord> records = new ArrayList<>();
    private final Map<String, String> cohorts = new HashMap<>();
    private long n;

    Wire(long seed, String currency, long from, long to) {
        this.prefix = "b" + Long.toHexString(seed) + "-";
        this.currency = currency;
        this.from = from;
        this.to = to;
    }

    boolean open(long at) {
        return at >= from && at < to;
    }

    /** What a payment carries besides the money; {@link #context} keeps what the device's client sends. */
    record Scene(Dev dev, String ip, String country, double[] geo, String session, String content, long contentStarted,
                 String card, long createdAt, PaymentContext.Telemetry telemetry) {
        PaymentContext context() {
            return switch (dev.client()) {
                case BROWSER -> new PaymentContext(dev.id(), ip, country, position(), dev.userAgent(), session, content,
                        contentStarted, card, createdAt, telemetry);
                case APP -> new PaymentContext(dev.id(), ip, country, position(), dev.userAgent(), session, content,
                        contentStarted, card, createdAt, null);
                case MINIMAL -> new PaymentContext(dev.id(), ip, null, null, null, null, null,
                        PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null);
            };
        }

        private PaymentContext.Geo position() {
            return geo == null ? null : new PaymentContext.Geo(Math.round(geo[0] * 1e4) / 1e4, Math.round(geo[1] * 1e4) / 1e4);
        }
    }

    boolean pay(long at, String payer, String payee, long amount, Scene scene, String scenario, String campaign,
                String cohort) {
        if (!open(at)) {
            return false;
        }
        PaymentRequest.Fee fee = amount >= 34 ? new PaymentRequest.Fee(FEE_ACCOUNT, amount * 3 / 100) : null;
        PaymentRequest p = new PaymentRequest(prefix + n++, payer, payee, amount, currency, fee, scene.context());
        Label label = PaymentRecord.LEGIT.equals(scenario) ? Label.LEGIT : Label.FRAUD;
        records.add(new PaymentRecord(at, p, label, scenario, campaign));
        if (cohort != null) {
            cohorts.put(p.id(), cohort);
        }
        return true;
    }

    List<PaymentRecord> sorted() {
        List<PaymentRecord> out = new ArrayList<>(records);
        out.sort(Comparator.comparingLong(PaymentRecord::atNanos));
        return out;
    }

    Map<String, String> cohorts() {
        return cohorts;
    }
}
