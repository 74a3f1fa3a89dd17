package dev.farthing.disputes.service;

import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.evidence.EvidenceSources;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.DisputeError;
import dev.farthing.disputes.model.DisputeException;
import dev.farthing.disputes.model.NewDispute;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers a dispute's evidence on the caller's thread: the payment, Compelling-Evidence-3.0 matches (earlier
 * payments of the same payer from the same device or address that nobody disputed), deliveries, the channel,
 * near-identical payments within ten minutes, the usual amount paid to the payee, the claimant's history.
 */
final class Gatherer {
    static final int PRIOR_LIMIT = 50;
    static final long TWIN_WINDOW_NANOS = 10L * 60 * 1_000_000_000L;
    static final long PRICE_WINDOW_NANOS = 90L * 24 * 3600 * 1_000_000_000L;
    private final EvidenceSources sources;
    private final DisputeBook book;

    Gatherer(EvidenceSources sources, DisputeBook book) {
        this.sources = sources;
        this.book = book;
    }

    Gathered gather(NewDispute r, long now) {
        PaymentFacts p = null;
        ChannelFacts ch = null;
        if (r.paymentId() != null) {
            p = sources.payment(r.paymentId()).orElseThrow(() -> new DisputeException(DisputeError.PAYMENT_NOT_FOUND,
                    "no payment " + r.paymentId() + " that moved money"));
        } else {
            ch = sources.channel(r.channelId()).orElseThrow(() -> new DisputeException(DisputeError.CHANNEL_NOT_FOUND,
                    "no channel " + r.channelId()));
        }
        int sameDevice = 0, sameAddress = 0, twins = 0;
        long usual = 0;
        List<String> priorIds = new ArrayList<>();
        if (p != null) {
            for (PaymentFacts e : sources.earlierPayments(p.payer(), p.deviceId(), p.ip(), p.paidAt(), PRIOR_LIMIT)) {
                if (e.paymentId().equals(p.paymentId()) || book.disputed(e.paymentId())) continue;
                boolean device = p.deviceId() != null && p.deviceId().equals(e.deviceId());
                boolean address = p.ip() != null && p.ip().equals(e.ip());
                if (device) sameDevice++;
                if (address) sameAddress++;
                if ((device || address) && priorIds.size() < 10) priorIds.add(e.paymentId());
            }
            List<Long> amounts = new ArrayList<>();
            for (PaymentFacts e : sources.paymentsBetween(p.payer(), p.payee(), p.paidAt() - PRICE_WINDOW_NANOS,
                    p.paidAt() + TWIN_WINDOW_NANOS, PRIOR_LIMIT)) {
                if (e.paymentId().equals(p.paymentId())) continue;
                if (e.amount() == p.amount() && Math.abs(e.paidAt() - p.paidAt()) <= TWIN_WINDOW_NANOS) twins++;
                else if (e.paidAt() < p.paidAt()) amounts.add(e.amount());
            }
            if (!amounts.isEmpty()) {
                amounts.sort(null);
                usual = amounts.get(amounts.size() / 2);
            }
        }
        return new Gathered(p, sameDevice, sameAddress, priorIds,
                r.paymentId() == null ? List.of() : book.deliveries(r.paymentId()), ch, twins, usual,
                book.history(r.claimant(), r.id(), now));
    }
}
