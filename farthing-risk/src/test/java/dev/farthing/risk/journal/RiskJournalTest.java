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

/** Round trip of every record type; torn tails are truncated, anything else is refused loudly. */
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
        return List.of(new RiskRecord.Decided(fullPayment("p1"), 1_000, a, 120),
                new RiskRecord.LedgerApplied("p1"),
                new RiskRecord.LedgerRefused("p2", "insufficient_funds", "only 3 available"),
                new RiskRecord.Resolved("p1", PaymentStatus.POSTED, "review", FraudLabel.LEGIT, 2_000),
                new RiskRecord.Resolved("p3", PaymentStatus.VOIDED, "challenge", null, 3_000),
                new RiskRecord.Labelled(new TrainingLabel("p1", FraudLabel.FRAUD, LabelSource.CHARGEBACK, 4_000)));
    }

    private Path writeSample() {
        try (RiskJournal j = RiskJournal.open(dir, true, r -> { })) {
            sample().forEach(j::append);
            j.commit();
        }
        return dir.resolve(JournalFormat.FILE_NAME);
    }

    private List<RiskRecord> reopen() {
        List<RiskRecord> read = new ArrayList<>();
        RiskJournal.open(dir, true, read::add).close();
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
    }

    @Test
    void tornTailIsTruncatedAndAppendingContinues() throws IOException {
        Path file = writeSample();
        long intact = Files.size(file);
        byte[] all = Files.readAllBytes(file);
        // A record whose write was cut short (a prefix of a record: magic, length, part of the payload).
        Files.write(file, java.util.Arrays.copyOf(all, 30), StandardOpenOption.APPEND);
        assertThat(reopen()).hasSize(6);
        assertThat(Files.size(file)).isEqualTo(intact);
        // Space the file system allocated but never filled.
        Files.write(file, new byte[64], StandardOpenOption.APPEND);
        assertThat(reopen()).hasSize(6);
        assertThat(Files.size(file)).isEqualTo(intact);
        try (RiskJournal j = RiskJournal.open(dir, true, r -> { })) {
            assertThat(j.recovered().tornBytes()).isZero();
            j.append(new RiskRecord.LedgerApplied("p9"));
            j.commit();
        }
        assertThat(reopen()).hasSize(7).last().isEqualTo(new RiskRecord.LedgerApplied("p9"));
    }

    @Test
    void aRecordCutShortAtTheEndIsTorn() throws IOException {
        Path file = writeSample();
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 3));
        assertThat(reopen()).hasSize(5);
    }

    @Test
    void aFlippedByteInsideTheJournalIsCorruption() throws IOException {
        Path file = writeSample();
        byte[] all = Files.readAllBytes(file);
        all[20] ^= 0x40;
        Files.write(file, all);
        assertThatThrownBy(this::reopen).isInstanceOf(JournalCorruptionException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("offset 0");
    }

    @Test
    void aDamagedMagicOrLengthIsCorruption() throws IOException {
        Path file = writeSample();
        byte[] all = Files.readAllBytes(file);
        int second = 12 + java.nio.ByteBuffer.wrap(all).getInt(4);
        byte[] badMagic = all.clone();
        badMagic[second] = 'X';
        Files.write(file, badMagic);
        assertThatThrownBy(this::reopen).isInstanceOf(JournalCorruptionException.class).hasMessageContaining("bad record magic");
        byte[] badLength = all.clone();
        java.nio.ByteBuffer.wrap(badLength).putInt(second + 4, -7);
        Files.write(file, badLength);
        assertThatThrownBy(this::reopen).isInstanceOf(JournalCorruptionException.class).hasMessageContaining("impossible payload length");
    }
}
