package dev.farthing.disputes.money;

import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.ledger.model.NewTransfer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legs of one money step, all in one atomic batch. {@code delta} &gt; 0 refunds the payer: the creator's share
 * (delta times amount over amount plus fee) from the payee, the rest from the fee account; &lt; 0 takes it back
 * the same way. {@code feeDelta} &gt; 0 charges the payee the chargeback fee, &lt; 0 returns it. Conservation: what
 * reaches the payer is exactly {@code delta}, checked before the batch is sent.
 */
final class Legs {
    private Legs() {
    }

    static List<NewTransfer> of(DisputeMoney money, Dispute d, long delta, long feeDelta, int step) {
        String cur = d.currency();
        PaymentFacts p = d.gathered().payment();
        String payer = money.payer(d);
        String payee = p != null ? p.payee() : d.gathered().channel().payee();
        String ref = DisputeMoney.reference(d);
        Map<String, String> meta = Map.of("dispute", DisputeMoney.shortRef(d.id()));
        List<NewTransfer> legs = new ArrayList<>();
        long magnitude = Math.abs(delta);
        long creatorShare = magnitude;
        if (p != null && p.feeAmount() > 0 && p.feeAccount() != null) {
            long whole = Math.addExact(p.amount(), p.feeAmount());
            creatorShare = BigInteger.valueOf(magnitude).multiply(BigInteger.valueOf(p.amount()))
                    .divide(BigInteger.valueOf(whole)).longValueExact();
        }
        long platformShare = magnitude - creatorShare;
        String s = "s" + step;
        if (creatorShare > 0) {
            legs.add(delta > 0
                    ? new NewTransfer(DisputeMoney.transferId(d.id(), s + "c"), payee, payer, creatorShare, cur, "dispute_clawback", ref, meta, 0)
                    : new NewTransfer(DisputeMoney.transferId(d.id(), s + "c"), payer, payee, creatorShare, cur, "dispute_reversal", ref, meta, 0));
        }
        if (platformShare > 0) {
            String feeRef = p.feeTransferId();
            legs.add(delta > 0
                    ? new NewTransfer(DisputeMoney.transferId(d.id(), s + "p"), p.feeAccount(), payer, platformShare, cur, "dispute_refund_fee", feeRef, meta, 0)
                    : new NewTransfer(DisputeMoney.transferId(d.id(), s + "p"), payer, p.feeAccount(), platformShare, cur, "dispute_reversal_fee", feeRef, meta, 0));
        }
        if (feeDelta != 0) {
            legs.add(feeDelta > 0
                    ? new NewTransfer(DisputeMoney.transferId(d.id(), s + "f"), payee, money.feeAccount(cur), feeDelta, cur, "dispute_chargeback_fee", ref, meta, 0)
                    : new NewTransfer(DisputeMoney.transferId(d.id(), s + "f"), money.feeAccount(cur), payee, -feeDelta, cur, "dispute_chargeback_fee_returned", ref, meta, 0));
        }
        assert toPayer(legs, payer) == delta : "dispute " + d.id() + ": legs move " + toPayer(legs, payer) + " to the payer, not " + delta;
        return legs;
    }

    /** Net amount the legs move to {@code payer}. */
    static long toPayer(List<NewTransfer> legs, String payer) {
        long net = 0;
        for (NewTransfer t : legs) {
            if (t.creditAccount().equals(payer)) net = Math.addExact(net, t.amount());
            if (t.debitAccount().equals(payer)) net = Math.subtractExact(net, t.amount());
        }
        return net;
    }
}
