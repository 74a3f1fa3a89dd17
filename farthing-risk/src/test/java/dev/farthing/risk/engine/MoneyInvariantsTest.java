package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks where risk moves money accept what the decision asked for and stop on anything else. */
class MoneyInvariantsTest {
    private static final PaymentContext CONTEXT = new PaymentContext("dev-1", "10.0.0.1", null, null, null, null,
            null, PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null);
    private static final PaymentRequest PAYMENT = new PaymentRequest("p-1", "alice", "bob", 500, "USD",
            new PaymentRequest.Fee("platform", 20), CONTEXT);

    private static TransferView leg(String id, String credit, long amount, TransferStatus status, long timeoutS) {
        return new TransferView(id, "alice", credit, amount, "USD", "payment", null, Map.of(), timeoutS, 1L, status,
                status == TransferStatus.POSTED ? amount : 0, 0, 0);
    }

    @Test
    void legsAsDecidedPass() {
        assertThatCode(() -> MoneyInvariants.legsMatch(PAYMENT, Decision.APPROVED, List.of(
                Outcome.ok(leg("p-1", "bob", 500, TransferStatus.POSTED, 0)),
                Outcome.ok(leg("p-1.fee", "platform", 20, TransferStatus.POSTED, 0))))).doesNotThrowAnyException();
        assertThatCode(() -> MoneyInvariants.legsMatch(PAYMENT, Decision.CHALLENGED, List.of(
                Outcome.ok(leg("p-1", "bob", 500, TransferStatus.PENDING, 300)),
                Outcome.ok(leg("p-1.fee", "platform", 20, TransferStatus.PENDING, 300))))).doesNotThrowAnyException();
    }

    @Test
    void aLegThatMovesAnotherAmountOrPostsWhatShouldBeHeldStops() {
        assertThatThrownBy(() -> MoneyInvariants.legsMatch(PAYMENT, Decision.APPROVED, List.of(
                Outcome.ok(leg("p-1", "bob", 499, TransferStatus.POSTED, 0)),
                Outcome.ok(leg("p-1.fee", "platform", 20, TransferStatus.POSTED, 0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("moves 499");
        assertThatThrownBy(() -> MoneyInvariants.legsMatch(PAYMENT, Decision.HELD_FOR_REVIEW, List.of(
                Outcome.ok(leg("p-1", "bob", 500, TransferStatus.POSTED, 0)),
                Outcome.ok(leg("p-1.fee", "platform", 20, TransferStatus.POSTED, 0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("held_for_review");
        assertThatThrownBy(() -> MoneyInvariants.legsMatch(PAYMENT, Decision.APPROVED, List.of(
                Outcome.ok(leg("p-1", "bob", 500, TransferStatus.POSTED, 0)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 legs");
    }

    @Test
    void aResolutionMustPostInFull() {
        PaymentResult held = new PaymentResult("p-1", Decision.CHALLENGED, 0.5, "m", "p", List.of(),
                List.of("p-1", "p-1.fee"), 1, false, PaymentStatus.HELD, 1L);
        TransferView partly = new TransferView("p-1", "alice", "bob", 500, "USD", "payment", null, Map.of(), 300, 1L,
                TransferStatus.POSTED, 400, 0, 2L);
        assertThatThrownBy(() -> MoneyInvariants.resolutionMatches(held, PaymentStatus.POSTED, List.of(Outcome.ok(partly))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not posted in full");
        assertThatCode(() -> MoneyInvariants.resolutionMatches(held, PaymentStatus.POSTED,
                List.of(Outcome.ok(leg("p-1", "bob", 500, TransferStatus.POSTED, 300))))).doesNotThrowAnyException();
    }

    @Test
    void aPaymentMovesAPositiveAmount() {
        assertThatThrownBy(() -> new PaymentRequest("p-2", "alice", "bob", 0, "USD", null, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentRequest.Fee("platform", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
