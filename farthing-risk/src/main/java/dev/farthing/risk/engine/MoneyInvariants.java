package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.List;

/**
 * Always-on checks where the risk engine moves money: what the ledger did must be exactly what the decision
 * asked (same ids, accounts, amounts and currency; holds where it held, postings in full). A failure is a bug,
 * never a refusal: it stops the decision loop before a wrong payment can be acknowledged.
 */
final class MoneyInvariants {
    private MoneyInvariants() {
    }

    /** The legs the ledger accepted for {@code p} are the ones {@link LedgerLegs} derived from it. */
    static void legsMatch(PaymentRequest p, Decision decision, List<Outcome<TransferView>> outcomes) {
        List<String> ids = LedgerLegs.ids(p);
        check(outcomes.size() == ids.size(), p.id(), "the ledger answered " + outcomes.size() + " legs for " + ids);
        for (int i = 0; i < ids.size(); i++) {
            TransferView v = outcomes.get(i).value();
            boolean fee = i == 1;
            check(v.id().equals(ids.get(i)), p.id(), "leg " + i + " is " + v.id() + ", not " + ids.get(i));
            check(v.debitAccount().equals(p.payer()), p.id(), "leg " + v.id() + " debits " + v.debitAccount());
            check(v.creditAccount().equals(fee ? p.fee().account() : p.payee()), p.id(),
                    "leg " + v.id() + " credits " + v.creditAccount());
            check(v.amount() == (fee ? p.fee().amount() : p.amount()), p.id(), "leg " + v.id() + " moves " + v.amount());
            check(v.currency().equals(p.currency()), p.id(), "leg " + v.id() + " is in " + v.currency());
            // A hold stays a hold (pending timeout set) whatever happened to it since; a posting is posted for good.
            check(decision.holds() ? v.pendingTimeoutS() > 0 : v.status() == TransferStatus.POSTED, p.id(),
                    "leg " + v.id() + " is " + v.status() + " with timeout " + v.pendingTimeoutS() + " for a "
                            + decision.wire() + " payment");
        }
    }

    /** A resolution posted both holds in full, or voided both. */
    static void resolutionMatches(PaymentResult r, PaymentStatus outcome, List<Outcome<TransferView>> outcomes) {
        for (Outcome<TransferView> o : outcomes) {
            if (!o.isOk()) {
                continue;
            }
            TransferView v = o.value();
            check(r.transferIds().contains(v.id()), r.id(), "the resolution answered for " + v.id());
            if (outcome == PaymentStatus.POSTED) {
                check(v.status() == TransferStatus.POSTED && v.postedAmount() == v.amount(), r.id(),
                        "hold " + v.id() + " was not posted in full: " + v.status() + " " + v.postedAmount());
            } else if (outcome == PaymentStatus.VOIDED) {
                check(v.status() == TransferStatus.VOIDED, r.id(), "hold " + v.id() + " is " + v.status());
            }
        }
    }

    private static void check(boolean ok, String paymentId, String what) {
        if (!ok) {
            throw new IllegalStateException("payment " + paymentId + " broke a money invariant: " + what);
        }
    }
}
