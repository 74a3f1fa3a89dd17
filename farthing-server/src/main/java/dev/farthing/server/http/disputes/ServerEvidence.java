package dev.farthing.server.http.disputes;

import dev.farthing.channels.Channel;
import dev.farthing.channels.ChannelService;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.evidence.EvidenceSources;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.engine.RiskEngine;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Evidence from the rest of the engine: payments as observed at submission (device, address, key), else from the
 * risk engine's answer and the ledger's transfers; channels from the channel service. Only a payment whose money
 * was posted can be disputed (a held one is still with risk's review).
 */
final class ServerEvidence implements EvidenceSources {
    private final ObservedPayments observed;
    private final RiskEngine risk;
    private final ChannelService channels;
    private final Ledger ledger;

    ServerEvidence(ObservedPayments observed, RiskEngine risk, ChannelService channels, Ledger ledger) {
        this.observed = observed;
        this.risk = risk;
        this.channels = channels;
        this.ledger = ledger;
    }

    @Override
    public Optional<PaymentFacts> payment(String paymentId) {
        Optional<PaymentResult> r = risk == null ? Optional.empty() : risk.lookup(paymentId);
        if (r.isEmpty() || r.get().status() != PaymentStatus.POSTED) return Optional.empty();
        PaymentFacts seen = observed.get(paymentId);
        if (seen != null) return Optional.of(seen);
        PaymentResult result = r.get();
        TransferView main = transfer(result.transferIds().getFirst());
        if (main == null) return Optional.empty();
        TransferView fee = result.transferIds().size() > 1 ? transfer(result.transferIds().get(1)) : null;
        return Optional.of(new PaymentFacts(paymentId, main.debitAccount(), main.creditAccount(), main.amount(),
                main.currency(), main.id(), fee == null ? null : fee.creditAccount(), fee == null ? 0 : fee.amount(),
                fee == null ? null : fee.id(), result.decision().wire(), result.score(),
                result.reasons().stream().map(DecisionReason::code).toList(), null, null, null, result.decidedAt()));
    }

    private TransferView transfer(String id) {
        try {
            Outcome<TransferView> o = ledger.lookupTransfer(id).get(10, TimeUnit.SECONDS);
            return o.isOk() ? o.value() : null;
        } catch (Exception e) {
            throw new IllegalStateException("the ledger did not answer for transfer " + id + ": " + e, e);
        }
    }

    @Override
    public List<PaymentFacts> earlierPayments(String payer, String deviceId, String ip, long before, int limit) {
        return observed.ofPayer(payer).stream()
                .filter(f -> f.paidAt() < before && ((deviceId != null && deviceId.equals(f.deviceId())) || (ip != null && ip.equals(f.ip()))))
                .limit(limit).toList();
    }

    @Override
    public List<PaymentFacts> paymentsBetween(String payer, String payee, long from, long to, int limit) {
        return observed.ofPayer(payer).stream()
                .filter(f -> f.payee().equals(payee) && f.paidAt() >= from && f.paidAt() <= to)
                .limit(limit).toList();
    }

    @Override
    public Optional<ChannelFacts> channel(String channelId) {
        if (channels == null || channelId.length() != 64) return Optional.empty();
        byte[] id;
        try {
            id = HexFormat.of().parseHex(channelId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return channels.get(id).map(ServerEvidence::facts);
    }

    static ChannelFacts facts(Channel c) {
        return new ChannelFacts(HexFormat.of().formatHex(c.terms().id()), c.terms().accountA(), c.terms().accountB(),
                c.terms().currency(), c.status().name().toLowerCase(java.util.Locale.ROOT), c.opSeq(), c.paid(),
                c.depositA(), c.paid() > 0);
    }
}
