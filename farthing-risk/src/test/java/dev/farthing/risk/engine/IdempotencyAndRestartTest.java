package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.journal.RiskRecord;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.ReviewStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static dev.farthing.risk.engine.DecisionPathsTest.assertRefused;
import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/** Repeats return the first answer; a restart keeps idempotency, holds, reviews, labels and feature state. */
class IdempotencyAndRestartTest {
    @TempDir
    Path dir;

    @Test
    void sameBodyReplaysDifferentBodyConflicts() {
        try (RiskFixture f = new RiskFixture(dir); RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
            PaymentResult first = await(engine.submit(payment("approve-1", 100, 10)));
            PaymentResult again = await(engine.submit(payment("approve-1", 100, 10)));
            assertThat(again.replayed()).isTrue();
            assertThat(again.withLatencyUs(0).asReplay()).isEqualTo(first.withLatencyUs(0).asReplay());
            assertRefused(() -> await(engine.submit(payment("approve-1", 101, 10))), PaymentError.IDEMPOTENCY_CONFLICT);
            assertRefused(() -> await(engine.submit(payment("approve-1", 100, 0))), PaymentError.IDEMPOTENCY_CONFLICT);
            f.assertMoney(110, 100, 10, 0);
        }
    }

    @Test
    void concurrentRepeatsOfOnePaymentMoveMoneyOnce() {
        try (RiskFixture f = new RiskFixture(dir); RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
            List<CompletableFuture<PaymentResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(engine.submit(payment("approve-dup", 7, 1)));
            }
            List<PaymentResult> results = calls.stream().map(RiskFixture::await).toList();
            assertThat(results).filteredOn(r -> !r.replayed()).hasSize(1);
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(PaymentStatus.POSTED));
            f.assertMoney(8, 7, 1, 0);
        }
    }

    @Test
    void restartKeepsIdempotencyHoldsReviewsLabelsAndFeatureState() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        String[] kinds = {"approve-", "challenge-", "review-", "decline-"};
        List<dev.farthing.contracts.payment.PaymentRequest> sent = new ArrayList<>();
        ScriptedAssessor before = new ScriptedAssessor();
        try (RiskFixture f = new RiskFixture(dir)) {
            try (RiskEngine engine = f.openEngine(before)) {
                for (int i = 0; i < 40; i++) {
                    var p = payment(kinds[random.nextInt(4)] + i, 1 + random.nextInt(50), random.nextInt(3));
                    sent.add(p);
                    await(engine.submit(p));
                }
                await(engine.label(sent.getFirst().id(), FraudLabel.FRAUD, LabelSource.CHARGEBACK));
            }
            ScriptedAssessor after = new ScriptedAssessor();
            try (RiskEngine engine = f.openEngine(after)) {
                assertThat(after.attemptsByPayer).isEqualTo(before.attemptsByPayer);
                assertThat(after.movedByPayer).isEqualTo(before.movedByPayer);
                assertThat(engine.recovered().records()).isGreaterThanOrEqualTo(41);
                for (var p : sent) {
                    PaymentResult r = await(engine.submit(p));
                    assertThat(r.replayed()).as(p.id()).isTrue();
                    assertThat(r.status()).isEqualTo(switch (r.decision()) {
                        case APPROVED -> PaymentStatus.POSTED;
                        case CHALLENGED, HELD_FOR_REVIEW -> PaymentStatus.HELD;
                        case DECLINED -> PaymentStatus.NONE;
                    });
                }
                long held = sent.stream().filter(p -> p.id().startsWith("review-")).count();
                assertThat(engine.reviews(ReviewStatus.OPEN, 100)).hasSize((int) held);
                assertThat(engine.labelOf(sent.getFirst().id())).isPresent();
                assertThat(after.attemptsByPayer).isEqualTo(before.attemptsByPayer); // repeats learn nothing
                // A new payment continues from the restored state, in time order.
                await(engine.submit(payment("approve-after", 1, 0)));
                assertThat(after.attemptsByPayer.get("alice")).isEqualTo(41);
            }
        }
    }

    @Test
    void decisionsTheLedgerNeverSawAreSentAgainOnOpen() {
        try (RiskFixture f = new RiskFixture(dir)) {
            var p = payment("challenge-crash", 30, 3);
            long at = f.ledger.now();
            // As if the engine crashed after journaling the decision, before the ledger saw the legs.
            try (RiskJournal journal = RiskJournal.open(dir.resolve("risk/journal"), false, r -> { })) {
                journal.append(new RiskRecord.Decided(p, at, new Assessment(Decision.CHALLENGED, 0.5, "m", "p",
                        List.of(new DecisionReason("x", "y")), Map.of(), Map.of()), 10));
                journal.commit();
            }
            assertThat(f.transferExists("challenge-crash")).isFalse();
            try (RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
                PaymentResult r = await(engine.submit(p));
                assertThat(r.replayed()).isTrue();
                assertThat(r.status()).isEqualTo(PaymentStatus.HELD);
                assertThat(f.transfer("challenge-crash").status()).isEqualTo(TransferStatus.PENDING);
                f.assertMoney(0, 0, 0, 33);
                await(engine.challenge("challenge-crash", true));
            }
            // Re-sending again after a second restart is an idempotent repeat at the ledger: no double post.
            try (RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
                assertThat(engine.lookup("challenge-crash")).get().extracting(PaymentResult::status)
                        .isEqualTo(PaymentStatus.POSTED);
                f.assertMoney(33, 30, 3, 0);
            }
        }
    }

    @Test
    void labelsExportAsAFarthingDatasetAndACorruptJournalStopsStartUp() throws Exception {
        try (RiskFixture f = new RiskFixture(dir)) {
            try (RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
                await(engine.submit(payment("approve-a", 5, 0)));
                await(engine.submit(payment("approve-b", 6, 0)));
                await(engine.submit(payment("review-c", 7, 0)));
                await(engine.label("approve-a", FraudLabel.LEGIT, LabelSource.DISPUTE));
                await(engine.label("approve-b", FraudLabel.FRAUD, LabelSource.CHARGEBACK));
                await(engine.review("review-c", dev.farthing.risk.review.Verdict.DECLINE, FraudLabel.FRAUD));
            }
            Path out = dir.resolve("labels.jsonl");
            assertThat(dev.farthing.risk.journal.LabelExport.export(dir.resolve("risk/journal"), out)).isEqualTo(3);
            var records = dev.farthing.risk.dataset.PaymentDataset.read(out).toList();
            assertThat(records).extracting(r -> r.payment().id()).containsExactly("approve-a", "approve-b", "review-c");
            assertThat(records).extracting(r -> r.scenario()).containsExactly("legit", "labelled_chargeback", "labelled_review");
            assertThat(records.get(1).payment().amount()).isEqualTo(6);

            Path journal = dir.resolve("risk/journal/risk-journal.log");
            byte[] bytes = java.nio.file.Files.readAllBytes(journal);
            bytes[30] ^= 0x01;
            java.nio.file.Files.write(journal, bytes);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.openEngine(new ScriptedAssessor()))
                    .isInstanceOf(dev.farthing.risk.journal.JournalCorruptionException.class)
                    .hasMessageContaining("checksum mismatch");
        }
    }

    @Test
    void evictionForgetsOnlySettledPayments() {
        try (RiskFixture f = new RiskFixture(dir);
             RiskEngine engine = RiskEngine.open(f.ledger, dir.resolve("risk"), new ScriptedAssessor(),
                     RiskEngineConfig.defaults().withFsync(false).withMaxPayments(5))) {
            await(engine.submit(payment("challenge-keep", 1, 0)));
            for (int i = 0; i < 20; i++) {
                await(engine.submit(payment("approve-" + i, 1, 0)));
            }
            DurableIdempotencyTest.awaitIndexed(engine);
            await(engine.submit(payment("approve-last", 1, 0))); // memory is trimmed as payments are added
            // The bound, plus the one payment picked in this batch that waits for the index to pass it.
            assertThat(engine.paymentsInMemory()).isLessThanOrEqualTo(5 + 1);
            assertThat(engine.lookup("challenge-keep")).isPresent();
            assertThat(engine.lookup("approve-0")).as("forgotten in memory, still answered from the index").isPresent();
            assertThat(await(engine.challenge("challenge-keep", true)).status()).isEqualTo(PaymentStatus.POSTED);
        }
    }
}
