package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.journal.LegacyJournalWriter;
import dev.farthing.risk.journal.RiskRecord;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.TrainingLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A risk data directory written by the previous version (one {@code journal/risk-journal.log}, written here by a copy
 * of its writer) opens: it is migrated onto the record log on first start, and everything it held answers as before.
 */
class OldDataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void anOldJournalIsMigratedAndEverythingInItAnswers() {
        try (RiskFixture f = new RiskFixture(dir)) {
            long at = f.ledger.now();
            PaymentRequest posted = payment("approve-old", 10, 1);
            PaymentRequest pending = payment("challenge-old", 20, 2);
            Assessment approve = new Assessment(Decision.APPROVED, 0.1, "m", "p", List.of(), Map.of(), Map.of());
            Assessment challenge = new Assessment(Decision.CHALLENGED, 0.6, "m", "p",
                    List.of(new DecisionReason("x", "y")), Map.of(), Map.of());
            // The old engine posted the first payment and crashed before the ledger saw the second's holds.
            await(f.ledger.createTransfers(LedgerLegs.of(posted, Decision.APPROVED, RiskEngineConfig.defaults()), true));
            LegacyJournalWriter.write(dir.resolve("risk"), List.of(
                    new RiskRecord.Decided(posted, at, approve, 10),
                    new RiskRecord.LedgerApplied(posted.id()),
                    new RiskRecord.Decided(pending, at + 1, challenge, 10),
                    new RiskRecord.Labelled(new TrainingLabel(posted.id(), FraudLabel.LEGIT, LabelSource.DISPUTE, at + 2))));
            ScriptedAssessor assessor = new ScriptedAssessor();
            try (RiskEngine engine = f.openEngine(assessor)) {
                assertThat(dir.resolve("risk/log")).isDirectory();
                assertThat(dir.resolve("risk/journal")).doesNotExist();
                assertThat(dir.resolve("risk/journal.migrated/risk-journal.log")).exists();
                assertThat(engine.journalRecords()).isGreaterThanOrEqualTo(4);
                assertThat(assessor.attemptsByPayer.get("alice")).as("feature state replayed").isEqualTo(2);
                PaymentResult again = await(engine.submit(posted));
                assertThat(again.replayed()).isTrue();
                assertThat(again.status()).isEqualTo(PaymentStatus.POSTED);
                assertThat(await(engine.submit(pending)).status()).as("re-sent on open").isEqualTo(PaymentStatus.HELD);
                assertThat(engine.labelOf(posted.id())).isPresent();
                await(engine.challenge(pending.id(), true));
            }
            try (RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
                assertThat(engine.lookup(pending.id())).get().extracting(PaymentResult::status).isEqualTo(PaymentStatus.POSTED);
                f.assertMoney(33, 30, 3, 0);
            }
        }
    }
}
