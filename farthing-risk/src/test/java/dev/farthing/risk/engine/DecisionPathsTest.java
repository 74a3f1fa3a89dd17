package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.ReviewStatus;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each decision path moves exactly the right money on a real ledger, and each transition happens once. */
class DecisionPathsTest {
    @TempDir
    Path dir;
    RiskFixture f;
    RiskEngine engine;

    @BeforeEach
    void open() {
        f = new RiskFixture(dir);
        engine = f.openEngine(new ScriptedAssessor());
    }

    @AfterEach
    void close() {
        engine.close();
        f.close();
    }

    @Test
    void approvedPostsPaymentAndFeeAtomically() {
        PaymentResult r = await(engine.submit(payment("approve-1", 100, 10)));
        assertThat(r.decision()).isEqualTo(Decision.APPROVED);
        assertThat(r.status()).isEqualTo(PaymentStatus.POSTED);
        assertThat(r.transferIds()).containsExactly("approve-1", "approve-1.fee");
        assertThat(r.replayed()).isFalse();
        assertThat(f.transfer("approve-1").status()).isEqualTo(TransferStatus.POSTED);
        assertThat(f.transfer("approve-1.fee").reference()).isEqualTo("approve-1");
        f.assertMoney(110, 100, 10, 0);
    }

    @Test
    void declinedMovesNothing() {
        PaymentResult r = await(engine.submit(payment("decline-1", 100, 10)));
        assertThat(r.decision()).isEqualTo(Decision.DECLINED);
        assertThat(r.transferIds()).isEmpty();
        assertThat(r.reasons()).extracting(DecisionReason::code).containsExactly("scripted_declined");
        assertThat(f.transferExists("decline-1")).isFalse();
        f.assertMoney(0, 0, 0, 0);
    }

    @Test
    void challengePassedPostsTheHoldsOnce() {
        PaymentResult r = await(engine.submit(payment("challenge-1", 100, 10)));
        assertThat(r.decision()).isEqualTo(Decision.CHALLENGED);
        assertThat(r.status()).isEqualTo(PaymentStatus.HELD);
        f.assertMoney(0, 0, 0, 110);
        PaymentResult passed = await(engine.challenge("challenge-1", true));
        assertThat(passed.status()).isEqualTo(PaymentStatus.POSTED);
        f.assertMoney(110, 100, 10, 0);
        assertRefused(() -> await(engine.challenge("challenge-1", true)), PaymentError.ALREADY_RESOLVED);
        assertRefused(() -> await(engine.challenge("challenge-1", false)), PaymentError.ALREADY_RESOLVED);
        f.assertMoney(110, 100, 10, 0);
    }

    @Test
    void challengeFailedVoidsTheHolds() {
        await(engine.submit(payment("challenge-2", 100, 10)));
        PaymentResult failed = await(engine.challenge("challenge-2", false));
        assertThat(failed.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(f.transfer("challenge-2.fee").status()).isEqualTo(TransferStatus.VOIDED);
        f.assertMoney(0, 0, 0, 0);
    }

    @Test
    void heldPaymentOpensAReviewThatApprovalPosts() {
        PaymentResult r = await(engine.submit(payment("review-1", 100, 10)));
        assertThat(r.decision()).isEqualTo(Decision.HELD_FOR_REVIEW);
        f.assertMoney(0, 0, 0, 110);
        assertThat(engine.reviews(ReviewStatus.OPEN, 10)).extracting(i -> i.paymentId()).containsExactly("review-1");
        PaymentResult approved = await(engine.review("review-1", Verdict.APPROVE, FraudLabel.LEGIT));
        assertThat(approved.status()).isEqualTo(PaymentStatus.POSTED);
        f.assertMoney(110, 100, 10, 0);
        assertThat(engine.reviews(ReviewStatus.OPEN, 10)).isEmpty();
        assertThat(engine.reviews(ReviewStatus.APPROVED, 10).getFirst().label()).isEqualTo(FraudLabel.LEGIT);
        assertThat(engine.labelOf("review-1")).get().extracting(l -> l.label()).isEqualTo(FraudLabel.LEGIT);
        assertRefused(() -> await(engine.review("review-1", Verdict.DECLINE, FraudLabel.FRAUD)), PaymentError.ALREADY_RESOLVED);
    }

    @Test
    void reviewDeclineVoidsTheHolds() {
        await(engine.submit(payment("review-2", 100, 0)));
        PaymentResult declined = await(engine.review("review-2", Verdict.DECLINE, FraudLabel.FRAUD));
        assertThat(declined.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(engine.reviews(ReviewStatus.DECLINED, 10)).hasSize(1);
        f.assertMoney(0, 0, 0, 0);
    }

    @Test
    void wrongTransitionsAreRefusedWithClearCodes() {
        await(engine.submit(payment("approve-2", 100, 10)));
        await(engine.submit(payment("challenge-3", 100, 10)));
        assertRefused(() -> await(engine.challenge("approve-2", true)), PaymentError.INVALID_STATE);
        assertRefused(() -> await(engine.review("challenge-3", Verdict.APPROVE, null)), PaymentError.INVALID_STATE);
        assertRefused(() -> await(engine.challenge("nope", true)), PaymentError.NOT_FOUND);
        assertRefused(() -> await(engine.label("nope", FraudLabel.FRAUD, dev.farthing.risk.review.LabelSource.CHARGEBACK)),
                PaymentError.NOT_FOUND);
        f.assertMoney(110, 100, 10, 110);
    }

    @Test
    void ledgerRefusalsBecomeDeclinesWithTheLedgersReason() {
        PaymentResult poor = await(engine.submit(payment("approve-big", RiskFixture.FUNDED, 1)));
        assertThat(poor.decision()).isEqualTo(Decision.DECLINED);
        assertThat(poor.transferIds()).isEmpty();
        assertThat(poor.reasons()).extracting(DecisionReason::code).contains("insufficient_funds");
        assertThat(f.transferExists("approve-big")).isFalse();
        f.assertMoney(0, 0, 0, 0);
        // The refusal is the payment's answer from now on, also for a repeat.
        assertThat(await(engine.submit(payment("approve-big", RiskFixture.FUNDED, 1))).decision()).isEqualTo(Decision.DECLINED);
    }

    @Test
    void paymentsTheLedgerCouldNeverMakeAreRefusedBeforeDecidingAndLeaveTheirIdFree() {
        var context = payment("x", 1, 0).context();
        assertRefusedOn(() -> await(engine.submit(new PaymentRequest("approve-x", "alice", "nobody", 5, "USD", null,
                context))), PaymentError.NOT_FOUND, "payee");
        assertRefusedOn(() -> await(engine.submit(new PaymentRequest("approve-x", "nobody", "bob", 5, "USD", null,
                context))), PaymentError.NOT_FOUND, "payer");
        assertRefusedOn(() -> await(engine.submit(new PaymentRequest("approve-x", "alice", "bob", 5, "USD",
                new PaymentRequest.Fee("nobody", 1), context))), PaymentError.NOT_FOUND, "fee.account");
        assertRefusedOn(() -> await(engine.submit(new PaymentRequest("approve-x", "alice", "bob", 5, "EUR", null,
                context))), PaymentError.CURRENCY_MISMATCH, "payer");
        assertRefusedOn(() -> await(engine.submit(new PaymentRequest("approve-x", "alice", "bob", 5, "XYZ", null,
                context))), PaymentError.UNKNOWN_CURRENCY, "currency");
        assertThat(engine.lookup("approve-x")).isEmpty();
        f.assertMoney(0, 0, 0, 0);
        // The id was not used up: the corrected request is decided normally.
        PaymentResult corrected = await(engine.submit(new PaymentRequest("approve-x", "alice", "bob", 5, "USD", null,
                context)));
        assertThat(corrected.decision()).isEqualTo(Decision.APPROVED);
        assertThat(corrected.replayed()).isFalse();
    }

    static void assertRefusedOn(Runnable call, PaymentError code, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RiskRefusal.class, e -> {
            assertThat(e.reason()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void expiredHoldsCannotBePostedLater() {
        engine.close();
        engine = RiskEngine.open(f.ledger, dir.resolve("risk"), new ScriptedAssessor(),
                RiskEngineConfig.defaults().withFsync(false).withChallengeTimeoutS(60));
        await(engine.submit(payment("challenge-late", 100, 10)));
        f.clock.advanceSeconds(120);
        await(f.ledger.createTransfer(dev.farthing.ledger.model.NewTransfer.simple("tick", "bank", "alice", 1, "USD")));
        assertRefused(() -> await(engine.challenge("challenge-late", true)), PaymentError.HOLD_EXPIRED);
        assertThat(engine.lookup("challenge-late")).get().extracting(PaymentResult::status).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(f.account("bob").balance()).isZero();
        assertThat(f.account("alice").debitsPending()).isZero();
    }

    @Test
    void aResolutionTheLedgerAlreadyAppliedIsRecognisedNotRepeated() {
        await(engine.submit(payment("challenge-9", 100, 10)));
        // As if an earlier post went through at the ledger but its answer was lost.
        await(f.ledger.postPending("challenge-9", 0)).orThrow();
        await(f.ledger.postPending("challenge-9.fee", 0)).orThrow();
        assertThat(await(engine.challenge("challenge-9", true)).status()).isEqualTo(PaymentStatus.POSTED);
        f.assertMoney(110, 100, 10, 0);
        await(engine.submit(payment("challenge-10", 5, 0)));
        await(f.ledger.postPending("challenge-10", 0)).orThrow();
        assertRefused(() -> await(engine.challenge("challenge-10", false)), PaymentError.ALREADY_RESOLVED);
        assertThat(engine.lookup("challenge-10")).get().extracting(PaymentResult::status).isEqualTo(PaymentStatus.POSTED);
        f.assertMoney(115, 105, 10, 0);
    }

    static void assertRefused(Runnable call, PaymentError code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RiskRefusal.class, e -> assertThat(e.reason()).isEqualTo(code));
    }
}
