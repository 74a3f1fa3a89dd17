package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.ledger.model.NewTransfer;

import java.util.List;
import java.util.Map;

/**
 * The ledger transfers a decided payment becomes. Ids derive from the payment id ({@code <id>} and
 * {@code <id>.fee}), and every field derives from the request and the decision, so re-submitting after a
 * crash is an idempotent repeat at the ledger, never a second payment.
 */
final class LedgerLegs {
    static final String FEE_SUFFIX = ".fee";

    private LedgerLegs() {
    }

    static List<NewTransfer> of(PaymentRequest p, Decision decision, RiskEngineConfig config) {
        if (!decision.movesMoney()) {
            throw new IllegalArgumentException("a declined payment has no ledger legs");
        }
        long timeout = switch (decision) {
            case CHALLENGED -> config.challengeTimeoutS();
            case HELD_FOR_REVIEW -> config.reviewTimeoutS();
            default -> 0;
        };
        Map<String, String> meta = Map.of("risk_decision", decision.wire());
        NewTransfer payment = new NewTransfer(p.id(), p.payer(), p.payee(), p.amount(), p.currency(),
                "payment", null, meta, timeout);
        if (p.fee() == null) {
            return List.of(payment);
        }
        NewTransfer fee = new NewTransfer(feeId(p.id()), p.payer(), p.fee().account(), p.fee().amount(),
                p.currency(), "payment_fee", p.id(), meta, timeout);
        return List.of(payment, fee);
    }

    static List<String> ids(PaymentRequest p) {
        return p.fee() == null ? List.of(p.id()) : List.of(p.id(), feeId(p.id()));
    }

    static String feeId(String paymentId) {
        return paymentId + FEE_SUFFIX;
    }
}
