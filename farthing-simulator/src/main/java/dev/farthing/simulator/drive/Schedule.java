package dev.farthing.simulator.drive;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * When each simulated payment is sent to a server, and what its timestamps say once sent. A server decides
 * at its own ledger time (now), so simulated time is mapped onto the wall clock: a payment simulated at
 * {@code t} is sent at {@code wallStart + (t - simStart) / compression}, and the instants inside its context
 * (content start, account creation) are mapped the same way, so that consumption speeds and account ages
 * still agree with the send time. Accounts created before the replay keep their age. With compression 1
 * the server sees the traffic at its own pace; above 1, every gap shrinks and ordinary people look like
 * velocity bursts to any time-window feature.
 */
public record Schedule(long simStartNanos, long wallStartNanos, double compression) {

    public Schedule {
        if (!(compression >= 1)) {
            throw new IllegalArgumentException("compression must be >= 1: " + compression);
        }
    }

    /** The compression that fits {@code simulatedNanos} of traffic into {@code wallNanos} (at least 1). */
    public static double compressionFor(long simulatedNanos, long wallNanos) {
        return Math.max(1.0, (double) simulatedNanos / wallNanos);
    }

    public long wallAt(long simNanos) {
        return wallStartNanos + (long) ((simNanos - simStartNanos) / compression);
    }

    /** The records with their times (and context instants) on the wall clock. */
    public List<PaymentRecord> rebase(List<PaymentRecord> records) {
        List<PaymentRecord> out = new ArrayList<>(records.size());
        for (PaymentRecord r : records) {
            PaymentRequest p = r.payment();
            PaymentRequest moved = new PaymentRequest(p.id(), p.payer(), p.payee(), p.amount(), p.currency(), p.fee(),
                    rebase(p.context()));
            out.add(new PaymentRecord(wallAt(r.atNanos()), moved, r.label(), r.scenario(), r.campaign()));
        }
        return out;
    }

    private PaymentContext rebase(PaymentContext c) {
        long started = c.contentStartedAtNanos() == PaymentContext.UNKNOWN ? PaymentContext.UNKNOWN : wallAt(c.contentStartedAtNanos());
        long created = c.accountCreatedAtNanos();
        if (created != PaymentContext.UNKNOWN) {
            created = created >= simStartNanos ? wallAt(created) : created + (wallStartNanos - simStartNanos);
        }
        return new PaymentContext(c.deviceId(), c.ip(), c.country(), c.geo(), c.userAgent(), c.sessionId(), c.contentId(),
                started, c.instrumentId(), created, c.telemetry());
    }
}
