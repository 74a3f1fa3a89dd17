package dev.farthing.disputes.service;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeClass;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Money;
import dev.farthing.disputes.money.DisputeMoney;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * What follows a durable change, on the caller's thread: provisional credit when a dispute escalates in a
 * jurisdiction that gives it, the refund (or its reversal) when it is decided, and the risk label. A money step that
 * fails is recorded as {@code failed} and retried at the next step and on restart; a label that fails is logged.
 */
final class Aftermath {
    private static final Logger LOG = LoggerFactory.getLogger(Aftermath.class);
    private final DisputeMoney money;
    private final RiskLabels labels;

    Aftermath(DisputeMoney money, RiskLabels labels) {
        this.money = money;
        this.labels = labels;
    }

    /** True when a decided dispute's money is not where its decision puts it (a crash between the two). */
    static boolean needsSettling(Dispute d) {
        boolean decided = d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL;
        long target = d.outcome() != null && d.outcome().refunds() ? d.refund() : 0;
        return decided && (target != d.money().refunded() || "provisional".equals(d.money().status()));
    }

    /** Moves the money and labels; {@code record} journals changed money and returns the dispute with it. */
    Dispute apply(Dispute d, Jurisdiction j, Function<Money, Dispute> record) {
        Money m = d.money();
        try {
            if (d.state() == DisputeState.ESCALATED && j.provisionalCredit() && m.provisionalHold() == null) {
                m = money.provisionalCredit(d);
            } else if (d.state() == DisputeState.DECIDED || d.state() == DisputeState.FINAL) {
                m = money.settle(d);
            }
        } catch (RuntimeException e) {
            LOG.warn("dispute {}: money not moved, retried at the next step: {}", d.id(), e.toString());
            m = new Money(m.provisionalHold(), m.refunded(), m.feeCharged(), m.steps(), m.transfers(), "failed", e.getMessage());
        }
        Dispute result = m.equals(d.money()) ? d : record.apply(m);
        if ((d.state() == DisputeState.DECIDED || (d.state() == DisputeState.FINAL && d.overturned()))
                && d.request().paymentId() != null && d.outcome() != null) {
            try {
                labels.label(d.request().paymentId(), d.outcome().refunds() && d.classification() == DisputeClass.FRAUD);
            } catch (RuntimeException e) {
                LOG.warn("dispute {}: risk label not stored: {}", d.id(), e.toString());
            }
        }
        return result;
    }
}
