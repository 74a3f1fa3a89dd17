package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.PaymentIndex;
import dev.farthing.risk.journal.RiskJournal;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.farthing.risk.engine.DecisionPathsTest.assertRefused;
import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment id answers with its original decision after the in-memory book (here 3 payments) forgot it, and
 * across restarts, from the payment index; the index is rebuilt when deleted, caught up when behind, and
 * distrusted when it is ahead of the journal.
 */
class DurableIdempotencyTest {
    static final int WINDOW = 3;

    @TempDir
    Path dir;

    static RiskEngine open(RiskFixture f) {
        return RiskEngine.open(f.ledger, f.dir.resolve("risk"), new ScriptedAssessor(),
                RiskEngineConfig.defaults().withFsync(false).withMaxPayments(WINDOW));
    }

    static void awaitIndexed(RiskEngine engine) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!engine.indexCaughtUp()) {
            assertThat(System.nanoTime()).as("the payment index catches up within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** Pushes the named payments out of memory with 4 * WINDOW + 1 fresh payments of 1. */
    static void forget(RiskEngine engine, String prefix, List<String> ids) {
        for (int i = 0; i < 4 * WINDOW; i++) {
            await(engine.submit(payment("approve-" + prefix + i, 1, 0)));
        }
        awaitIndexed(engine);
        await(engine.submit(payment("approve-" + prefix + "last", 1, 0)));
        // The bound, plus the one payment picked in this batch that waits for the index to pass it.
        assertThat(engine.paymentsInMemory()).isLessThanOrEqualTo(WINDOW + 1);
        assertThat(ids).noneMatch(engine::inMemory);
    }

    /** One payment of each kind of ending; returns their answers as they finally stand. */
    static Map<String, PaymentResult> varied(RiskEngine engine, String tag) {
        await(engine.submit(payment("approve-" + tag, 100, 5)));
        await(engine.submit(payment("decline-" + tag, 100, 5)));
        await(engine.submit(payment("challenge-" + tag, 40, 2)));
        await(engine.challenge("challenge-" + tag, true));
        await(engine.submit(payment("review-" + tag, 30, 1)));
        await(engine.review("review-" + tag, Verdict.DECLINE, FraudLabel.FRAUD));
        await(engine.submit(payment("approve-broke-" + tag, 10 * RiskFixture.FUNDED, 0))); // the ledger refuses it
        Map<String, PaymentResult> finals = new LinkedHashMap<>();
        for (String id : List.of("approve-", "decline-", "challenge-", "review-", "approve-broke-")) {
            finals.put(id + tag, engine.lookup(id + tag).orElseThrow());
        }
        assertThat(finals.get("approve-broke-" + tag).decision()).isEqualTo(Decision.DECLINED);
        assertThat(finals.get("review-" + tag).status()).isEqualTo(PaymentStatus.VOIDED);
        return finals;
    }

    /** Every retry answers the original (as a replay), a changed body conflicts, and nothing moves. */
    static void expectOriginals(RiskFixture f, RiskEngine engine, Map<String, PaymentResult> finals,
                                Map<String, Long> amounts) {
        var before = List.of(f.account("alice").balance(), f.account("bob").balance(), f.account("platform").balance());
        for (Map.Entry<String, PaymentResult> e : finals.entrySet()) {
            String id = e.getKey();
            long amount = amounts.get(id);
            long fee = id.startsWith("approve-broke-") ? 0 : id.startsWith("challenge-") ? 2 : id.startsWith("review-") ? 1 : 5;
            PaymentResult again = await(engine.submit(payment(id, amount, fee)));
            assertThat(again.replayed()).as(id).isTrue();
            assertThat(again.withLatencyUs(0)).as("retry of %s", id).isEqualTo(e.getValue().withLatencyUs(0).asReplay());
            assertRefused(() -> await(engine.submit(payment(id, amount + 1, fee))), PaymentError.IDEMPOTENCY_CONFLICT);
            assertThat(engine.lookup(id)).as(id).contains(e.getValue());
        }
        assertThat(List.of(f.account("alice").balance(), f.account("bob").balance(), f.account("platform").balance()))
                .as("retries of forgotten payments moved nothing").isEqualTo(before);
    }

    static Map<String, Long> amounts(String tag) {
        return Map.of("approve-" + tag, 100L, "decline-" + tag, 100L, "challenge-" + tag, 40L, "review-" + tag, 30L,
                "approve-broke-" + tag, 10 * RiskFixture.FUNDED);
    }

    @Test
    void aForgottenPaymentAnswersItsOriginalDecisionBeforeAndAfterRestart() {
        try (RiskFixture f = new RiskFixture(dir)) {
            Map<String, PaymentResult> finals;
            try (RiskEngine engine = open(f)) {
                finals = varied(engine, "x");
                forget(engine, "fill", List.copyOf(finals.keySet()));
                expectOriginals(f, engine, finals, amounts("x"));
            }
            try (RiskEngine engine = open(f)) {
                assertThat(finals.keySet()).as("replay keeps the bound too").noneMatch(engine::inMemory);
                expectOriginals(f, engine, finals, amounts("x"));
                PaymentResult fresh = await(engine.submit(payment("approve-new", 1, 0)));
                assertThat(fresh.replayed()).as("a new id is still decided").isFalse();
            }
            f.assertMoney(100 + 5 + 40 + 2 + 4 * WINDOW + 1 + 1, 100 + 40 + 4 * WINDOW + 1 + 1, 5 + 2, 0);
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheJournalOnStart() throws IOException {
        try (RiskFixture f = new RiskFixture(dir)) {
            Map<String, PaymentResult> finals;
            try (RiskEngine engine = open(f)) {
                finals = varied(engine, "x");
                forget(engine, "fill", List.copyOf(finals.keySet()));
            }
            Path index = dir.resolve("risk/index");
            PaymentIndex.delete(index);
            try (RiskEngine engine = open(f)) {
                assertThat(finals.keySet()).noneMatch(engine::inMemory);
                expectOriginals(f, engine, finals, amounts("x"));
            }
        }
    }

    @Test
    void anIndexBehindIsCaughtUpAndOneAheadOfTheJournalIsRebuilt() throws IOException {
        Path index = dir.resolve("risk/index");
        Path journal = RiskJournal.fileIn(dir.resolve("risk/journal"));
        try (RiskFixture f = new RiskFixture(dir)) {
            Map<String, PaymentResult> early;
            try (RiskEngine engine = open(f)) {
                early = varied(engine, "a");
                forget(engine, "fill-a", List.copyOf(early.keySet()));
            }
            copyTree(index, dir.resolve("index-early"));
            Files.copy(journal, dir.resolve("journal-early"));
            Map<String, PaymentResult> late;
            try (RiskEngine engine = open(f)) {
                late = varied(engine, "b");
                forget(engine, "fill-b", List.copyOf(late.keySet()));
            }
            copyTree(index, dir.resolve("index-late"));

            replaceTree(dir.resolve("index-early"), index); // behind: knows nothing of the late payments
            try (RiskEngine engine = open(f)) {
                assertThat(late.keySet()).noneMatch(engine::inMemory);
                expectOriginals(f, engine, late, amounts("b"));
                expectOriginals(f, engine, early, amounts("a"));
            }

            replaceTree(dir.resolve("index-late"), index); // ahead: describes records this journal does not hold
            Files.copy(dir.resolve("journal-early"), journal, StandardCopyOption.REPLACE_EXISTING);
            try (RiskEngine engine = open(f)) {
                for (String id : late.keySet()) {
                    assertThat(engine.lookup(id)).as("%s is not in this journal: the stale index entry is gone", id).isEmpty();
                }
                for (Map.Entry<String, PaymentResult> e : early.entrySet()) {
                    assertThat(engine.lookup(e.getKey())).contains(e.getValue());
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void replaceTree(Path from, Path to) throws IOException {
        PaymentIndex.delete(to);
        copyTree(from, to);
    }

    static List<String> ids(Map<String, PaymentResult> m) {
        return new ArrayList<>(m.keySet());
    }
}
