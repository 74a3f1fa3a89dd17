package dev.farthing.risk.journal;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.policy.Contribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A payment answered from the index after restart carries the same explanation as the one answered from memory. */
class IndexedPaymentTest {
    private static final byte[] FINGERPRINT = new byte[16];

    private static PaymentResult result(List<DecisionReason> reasons) {
        return new PaymentResult("p-1", Decision.APPROVED, 0.0125, "m-1", "default-1", reasons, List.of("p-1", "p-1.fee"),
                42, false, PaymentStatus.POSTED, 1_796_000_000_000_000_000L);
    }

    @Test
    void contributionsSurviveTheIndex() {
        PaymentResult explained = result(List.of(new DecisionReason("model_contributions", "the largest contributions",
                "score.fraud", List.of(new Contribution("payer_count_1m", 3.0, "count", -0.75),
                        new Contribution("amount", 10_000.0, "minor_units", 0.125)))));
        IndexedPayment decoded = IndexedPayment.decode(new IndexedPayment(FINGERPRINT, explained).encode());
        assertThat(decoded.result()).isEqualTo(explained);
    }

    @Test
    void entriesWithoutTheSectionStillRead() {
        PaymentResult plain = result(List.of(new DecisionReason("approved_low_risk", "low risk")));
        byte[] bytes = new IndexedPayment(FINGERPRINT, plain).encode();
        assertThat(IndexedPayment.decode(bytes).result()).isEqualTo(plain);
        byte[] unknownSection = Arrays.copyOf(bytes, bytes.length + 1);
        unknownSection[bytes.length] = 0x7f;
        assertThatThrownBy(() -> IndexedPayment.decode(unknownSection)).hasMessageContaining("unknown section");
    }

    @Test
    void theSubmittingKeySurvivesTheIndexAndOldEntriesHaveNone() {
        PaymentResult explained = result(List.of(new DecisionReason("model_contributions", "the largest contributions",
                "score.fraud", List.of(new Contribution("amount", 10_000.0, "minor_units", 0.125)))));
        PaymentResult submitted = explained.withSubmittedBy("fk_Ab3dE9xQ");
        assertThat(IndexedPayment.decode(new IndexedPayment(FINGERPRINT, submitted).encode()).result()).isEqualTo(submitted);
        PaymentResult plain = result(List.of(new DecisionReason("approved_low_risk", "low risk")));
        assertThat(IndexedPayment.decode(new IndexedPayment(FINGERPRINT, plain.withSubmittedBy("fk_x")).encode())
                .result().submittedBy()).isEqualTo("fk_x");
        assertThat(IndexedPayment.decode(new IndexedPayment(FINGERPRINT, plain).encode()).result().submittedBy()).isNull();
    }
}
