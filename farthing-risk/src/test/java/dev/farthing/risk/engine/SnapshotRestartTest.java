package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.model.registry.ShadowScoreboard;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static dev.farthing.risk.engine.RiskFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart from a snapshot plus the journal's tail rebuilds exactly what replaying the whole journal does: the same
 * feature state byte for byte, the same answers to repeats, and the same decisions for the payments that follow.
 */
class SnapshotRestartTest {
    private static final int WALLETS = 12;
    private static final int MERCHANTS = 4;
    private static final RiskEngineConfig CONFIG = RiskEngineConfig.defaults().withFsync(false)
            .withMaxPayments(40).withSnapshotEveryRecords(150);

    @TempDir
    Path dir;

    /** One data directory: a ledger on a clock the test moves, and the real pipeline (shipped model). */
    private static final class Node implements AutoCloseable {
        final ManualClock clock;
        final Ledger ledger;
        final PipelineAssessor assessor;
        final RiskEngine engine;

        Node(Path dir, ManualClock clock, boolean fromSnapshot) {
            this.clock = clock;
            this.ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), clock);
            DefaultFeatureEngine features = new DefaultFeatureEngine(FeatureConfig.defaults());
            Path risk = dir.resolve("risk");
            this.assessor = new PipelineAssessor(features,
                    new LiveRiskConfig(risk.resolve("models"), risk.resolve("policies"), features.schema()),
                    new ShadowScoreboard(1000, 0.5));
            this.engine = RiskEngine.open(ledger, risk, assessor, CONFIG, DecisionObserver.NONE, fromSnapshot);
        }

        void crash() {
            engine.close(false);
            ledger.close();
        }

        @Override
        public void close() {
            engine.close();
            ledger.close();
        }
    }

    private static void accounts(Ledger ledger) {
        await(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of()))).orThrow();
        await(ledger.createAccount(new NewAccount("fees", "USD", AccountKind.FEE, null, 0, Map.of()))).orThrow();
        for (int i = 0; i < MERCHANTS; i++) {
            await(ledger.createAccount(new NewAccount("m" + i, "USD", AccountKind.MERCHANT, null, 0, Map.of()))).orThrow();
        }
        for (int i = 0; i < WALLETS; i++) {
            await(ledger.createAccount(new NewAccount("w" + i, "USD", AccountKind.WALLET, null, 0, Map.of()))).orThrow();
            await(ledger.createTransfer(NewTransfer.simple("fund-" + i, "bank", "w" + i, 1_000_000, "USD"))).orThrow();
        }
    }

    private static PaymentRequest payment(Random r, String id) {
        int w = r.nextInt(WALLETS);
        return new PaymentRequest(id, "w" + w, "m" + r.nextInt(MERCHANTS), 1 + r.nextInt(r.nextInt(8) == 0 ? 20_000 : 400),
                "USD", new PaymentRequest.Fee("fees", 1 + r.nextInt(3)),
                new PaymentContext("dev-" + (w + r.nextInt(2)), "10.0." + r.nextInt(3) + "." + w, "GB", null, null,
                        null, "article-" + r.nextInt(20), PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
    }

    /** Payments one at a time (so ledger times are the same wherever the traffic is replayed), resolving some holds. */
    private static List<PaymentResult> traffic(Node n, Random r, String prefix, int count) {
        List<PaymentResult> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            n.clock.advanceSeconds(r.nextInt(40));
            PaymentResult result = await(n.engine.submit(payment(r, prefix + i)));
            out.add(result);
            int roll = r.nextInt(4);
            if (result.status() == PaymentStatus.HELD && roll > 0) {
                out.add(result.decision() == Decision.CHALLENGED ? await(n.engine.challenge(result.id(), roll > 1))
                        : await(n.engine.review(result.id(), roll > 1 ? Verdict.APPROVE : Verdict.DECLINE, FraudLabel.LEGIT)));
            }
            if (r.nextInt(10) == 0) {
                await(n.engine.label(result.id(), r.nextBoolean() ? FraudLabel.FRAUD : FraudLabel.LEGIT, LabelSource.CHARGEBACK));
            }
        }
        return out;
    }

    @Test
    void snapshotPlusTailIsFullReplay() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        Path first = dir.resolve("first");
        ManualClock clock = new ManualClock();
        List<PaymentRequest> before = new ArrayList<>();
        try (Node n = new Node(first, clock, true)) {
            accounts(n.ledger);
        }
        Node n = new Node(first, clock, true);
        Random traffic = new Random(seed ^ 1);
        List<PaymentResult> earlier = traffic(n, traffic, "a", 260);
        n.crash(); // no snapshot at the stop: the tail after the last periodic snapshot must be replayed
        List<Long> snapshots = snapshotOffsets(first);
        assertThat(snapshots).as("periodic snapshots were taken").isNotEmpty();

        Path viaSnapshot = copy(first, dir.resolve("via-snapshot"));
        Path viaReplay = copy(first, dir.resolve("via-replay"));
        try (Node a = new Node(viaSnapshot, copyOf(clock), true); Node b = new Node(viaReplay, copyOf(clock), false)) {
            assertThat(a.engine.restoredFromRecords()).isPositive();
            assertThat(b.engine.restoredFromRecords()).isEqualTo(-1);
            assertThat(a.engine.journalRecords()).as("the tail is not empty").isGreaterThan(a.engine.restoredFromRecords());
            byte[] restored = a.assessor.saveState();
            assertThat(restored).as("feature state").isEqualTo(b.assessor.saveState());
            for (PaymentResult r : earlier) {
                assertThat(comparable(a.engine.lookup(r.id()).orElseThrow()))
                        .isEqualTo(comparable(b.engine.lookup(r.id()).orElseThrow()));
            }
            assertThat(a.engine.reviews(null, 1000)).isEqualTo(b.engine.reviews(null, 1000));
            assertThat(a.engine.labels(1000)).isEqualTo(b.engine.labels(1000));
            // What follows is decided the same way: same features, same scores, same reasons, same money.
            List<PaymentResult> nextA = traffic(a, new Random(seed ^ 2), "b", 120);
            List<PaymentResult> nextB = traffic(b, new Random(seed ^ 2), "b", 120);
            assertThat(nextA.stream().map(SnapshotRestartTest::comparable).toList())
                    .isEqualTo(nextB.stream().map(SnapshotRestartTest::comparable).toList());
            assertThat(a.assessor.saveState()).isEqualTo(b.assessor.saveState()).isNotEqualTo(restored);
        }
    }

    @Test
    void aDamagedNewestSnapshotFallsBackToTheOneBefore() throws IOException {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        ManualClock clock = new ManualClock();
        try (Node n = new Node(dir, clock, true)) {
            accounts(n.ledger);
        }
        Node n = new Node(dir, clock, true);
        Random traffic = new Random(seed);
        traffic(n, traffic, "a", 320);
        for (int round = 0; round < 50 && snapshotOffsets(dir).size() < 2; round++) {
            traffic(n, traffic, "more" + round + "-", 20); // a snapshot write (fsync) can be slow on a loaded machine
        }
        long records = n.engine.journalRecords();
        n.crash();
        List<Long> snapshots = snapshotOffsets(dir);
        assertThat(snapshots).as("snapshots after %d records", records).hasSizeGreaterThanOrEqualTo(2);
        long newestRecords;
        try (Node probe = new Node(copy(dir, dir.resolve("probe")), copyOf(clock), true)) {
            newestRecords = probe.engine.restoredFromRecords();
        }
        Path newest = dir.resolve("risk/log").resolve(dev.farthing.recordlog.RecordFormat.snapshotName(snapshots.getLast()));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(newest, bytes);
        byte[] replayed;
        try (Node full = new Node(copy(dir, dir.resolve("copy")), copyOf(clock), false)) {
            replayed = full.assessor.saveState();
        }
        try (Node restored = new Node(dir, copyOf(clock), true)) {
            assertThat(restored.engine.restoredFromRecords()).isPositive().isLessThan(newestRecords);
            assertThat(restored.assessor.saveState()).isEqualTo(replayed);
        }
    }

    /**
     * A clean stop snapshots at the journal's very end, so the restart has no tail to replay: it must start from
     * that snapshot, not take it for one the journal lost records of and replay everything.
     */
    @Test
    void aSnapshotAtTheJournalsEndIsUsedWithAnEmptyTail() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        ManualClock clock = new ManualClock();
        try (Node n = new Node(dir, clock, true)) {
            accounts(n.ledger);
        }
        long records;
        byte[] before;
        try (Node n = new Node(dir, clock, true)) {
            traffic(n, new Random(seed), "a", 80);
            records = n.engine.journalRecords();
            before = n.assessor.saveState();
        }
        try (Node restarted = new Node(dir, copyOf(clock), true)) {
            // The stop journals the last ledger answers after the traffic returned, then snapshots: at least as many.
            assertThat(restarted.engine.restoredFromRecords()).as("restored from the stop's snapshot")
                    .isGreaterThanOrEqualTo(records);
            assertThat(restarted.engine.journalRecords()).as("no tail").isEqualTo(restarted.engine.restoredFromRecords());
            assertThat(restarted.assessor.saveState()).isEqualTo(before);
        }
    }

    /** Everything but the latency (measured anew by each engine) and the replay flag. */
    private static PaymentResult comparable(PaymentResult r) {
        return new PaymentResult(r.id(), r.decision(), r.score(), r.modelVersion(), r.policyVersion(), r.reasons(),
                r.transferIds(), 0, false, r.status(), r.decidedAt());
    }

    private static ManualClock copyOf(ManualClock clock) {
        ManualClock c = new ManualClock();
        c.advanceSeconds((clock.instant().getEpochSecond() - c.instant().getEpochSecond()));
        return c;
    }

    private static List<Long> snapshotOffsets(Path dataDir) {
        try (Stream<Path> files = Files.list(dataDir.resolve("risk/log"))) {
            return files.map(dev.farthing.recordlog.RecordFormat::snapshotPositionOf).filter(p -> p >= 0).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                if (p.startsWith(to)) {
                    continue;
                }
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("LOCK")) {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
