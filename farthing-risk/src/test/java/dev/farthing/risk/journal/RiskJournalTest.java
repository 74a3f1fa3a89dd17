package dev.farthing.risk.journal;

import dev.farthing.risk.engine.Assessment;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.TrainingLabel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Round trip of every record type on the record log, replay from a position, and the migration of the previous
 * format (its torn-tail rule, its corruption refused loudly). Frame damage on the log itself is the record log's suite.
 */
class RiskJournalTest {
    @TempDir
    Path dir;

    static PaymentRequest fullPayment(String id) {
        var telemetry = new PaymentContext.Telemetry(new int[]{120, 95, 130}, 42, 0.93, null);
        var context = new PaymentContext("dev-9", "2001:db8::1", "DE", new PaymentContext.Geo(52.5, 13.4), "UA/1",
                "sess", "video-1", 1_767_225_500_000_000_000L, "card-1", 1_700_000_000_000_000_000L, telemetry);
        return new PaymentRequest(id, "alice", "bob", 250, "EUR", new PaymentRequest.Fee("platform", 5), context);
    }

    static List<RiskRecord> sample() {
        var a = new Assessment(Decision.HELD_FOR_REVIEW, 0.8, "gbt-1", "default-abc",
                List.of(new DecisionReason("farm", "component of 40 accounts"),
                        new DecisionReason("model_high_risk", "model rates this 0.8", "score.fraud", List.of(
                                new Contribution("payer_count_1h", 3.0, "count", 1.25),
                                new Contribution("account_age_s", Double.NaN, "seconds", -0.5)))),
                Map.of("payer_count_1h", 3.0),
                Map.of("gbt-2", 0.7));
        return List.of(new RiskRecord.Decided(fullPayment("p1"), 1_000, a, 120, "fk_submitter"),
                new RiskRecord.LedgerApplied("p1"),
                new RiskRecord.LedgerRefused("p2", "insufficient_funds", "only 3 available"),
                new RiskRecord.Resolved("p1", PaymentStatus.POSTED, "review", FraudLabel.LEGIT, 2_000),
                new RiskRecord.Resolved("p3", PaymentStatus.VOIDED, "challenge", null, 3_000),
                new RiskRecord.Labelled(new TrainingLabel("p1", FraudLabel.FRAUD, LabelSource.CHARGEBACK, 4_000)));
    }

    private void writeSample() {
        try (RiskJournal j = RiskJournal.open(dir, true)) {
            j.replay(JournalPosition.START, (r, at) -> { });
            sample().forEach(j::append);
            j.commit().durable().join();
        }
    }

    private List<RiskRecord> reopen() {
        List<RiskRecord> read = new ArrayList<>();
        try (RiskJournal j = RiskJournal.open(dir, true)) {
            j.replay(JournalPosition.START, (r, at) -> read.add(r));
        }
        return read;
    }

    @Test
    void everyRecordRoundTrips() {
        writeSample();
        List<RiskRecord> read = reopen();
        assertThat(read).hasSize(6);
        assertThat(PaymentCodec.bytes(((RiskRecord.Decided) read.getFirst()).payment()))
                .isEqualTo(PaymentCodec.bytes(fullPayment("p1")));
        assertThat(((RiskRecord.Decided) read.getFirst()).assessment()).isEqualTo(sample().getFirst() instanceof RiskRecord.Decided d ? d.assessment() : null);
        assertThat(read.subList(1, 6)).isEqualTo(sample().subList(1, 6));
        assertThat(((RiskRecord.Decided) read.getFirst()).submittedBy()).as("the submitting key").isEqualTo("fk_submitter");
    }

    @Test
    void replayFromAPositionCountsOnFromIt() {
        writeSample();
        List<JournalPosition> positions = new ArrayList<>();
        try (RiskJournal j = RiskJournal.open(dir, true)) {
            JournalPosition end = j.replay(JournalPosition.START, (r, at) -> positions.add(at));
            assertThat(end).isEqualTo(positions.getLast());
            assertThat(end.endOffset()).isEqualTo(j.endOffset());
            List<RiskRecord> tail = new ArrayList<>();
            List<JournalPosition> tailAt = new ArrayList<>();
            j.replay(positions.get(2), (r, at) -> {
                tail.add(r);
                tailAt.add(at);
            });
            assertThat(tail).isEqualTo(sample().subList(3, 6));
            assertThat(tailAt).isEqualTo(positions.subList(3, 6));
            j.continueAfter(end);
            j.append(new RiskRecord.LedgerApplied("p9"));
            JournalPosition after = j.commit().durable().join();
            assertThat(after.records()).isEqualTo(7);
            assertThat(after.endOffset()).isEqualTo(j.endOffset());
        }
        assertThat(reopen()).hasSize(7).last().isEqualTo(new RiskRecord.LedgerApplied("p9"));
    }

    @Test
    void anOldJournalIsMigratedOnOpen() throws IOException {
        LegacyJournalWriter.write(dir, sample());
        Files.createDirectories(dir.resolve("index"));
        Files.writeString(dir.resolve("index/CURRENT"), "old offsets");
        assertThat(reopen()).hasSize(6).last().isEqualTo(sample().getLast());
        assertThat(dir.resolve("journal")).doesNotExist();
        assertThat(dir.resolve("journal.migrated/" + JournalFormat.FILE_NAME)).exists();
        assertThat(dir.resolve("index")).as("the index, about offsets in the old file, is rebuilt").doesNotExist();
        assertThat(reopen()).as("migrated once").hasSize(6);
    }

    @Test
    void aMigrationThatCrashedBeforeItsCommitIsRedone() throws IOException {
        LegacyJournalWriter.write(dir, sample());
        Files.createDirectories(dir.resolve("log.migrating"));
        Files.write(dir.resolve("log.migrating/segment-junk"), new byte[100]);
        assertThat(reopen()).hasSize(6);
        assertThat(dir.resolve("log.migrating")).doesNotExist();
    }

    @Test
    void theOldTornTailRuleHoldsInMigration() throws IOException {
        Path file = LegacyJournalWriter.write(dir, sample());
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, 30), StandardOpenOption.APPEND); // a record cut short
        Files.write(file, new byte[64], StandardOpenOption.APPEND); // space allocated, never filled
        assertThat(JournalScan.scan(file, (p, r) -> { }).records()).isEqualTo(6);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 3));
        assertThat(JournalScan.scan(file, (p, r) -> { }).records()).isEqualTo(5);
    }

    @Test
    void aFlippedByteInAnOldJournalIsCorruptionAndNothingIsMigrated() throws IOException {
        Path file = LegacyJournalWriter.write(dir, sample());
        byte[] all = Files.readAllBytes(file);
        all[20] ^= 0x40;
        Files.write(file, all);
        assertThatThrownBy(this::reopen).isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("offset 0");
        assertThat(file).exists();
        byte[] badMagic = Files.readAllBytes(file);
        badMagic[20] ^= 0x40;
        int second = 12 + java.nio.ByteBuffer.wrap(badMagic).getInt(4);
        badMagic[second] = 'X';
        Files.write(file, badMagic);
        assertThatThrownBy(this::reopen).isInstanceOf(JournalCorruptionException.class).hasMessageContaining("bad record magic");
    }
}
