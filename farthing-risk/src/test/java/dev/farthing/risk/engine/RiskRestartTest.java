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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import static dev.farthing.risk.engine.RiskFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restart time after many payments: the real pipeline (shipped model, default policy and feature engine) decides
 * payments from many payers, the engine stops as a crash would (no snapshot at the stop, so the tail since the last
 * periodic snapshot is replayed), and reopening is timed. The default run does 3,000 payments with a small snapshot
 * interval; {@code -Dfarthing.riskrestart.big=true} does 5,000,000 with the default interval (about 500,000
 * payments) and holds the restart to 10 s ({@code -Dfarthing.riskrestart.payments=N} to change the count).
 */
class RiskRestartTest {
    private static final int PAYERS = 20_000;
    private static final int MERCHANTS = 1_000;

    @TempDir
    Path dir;

    @Test
    void restartRestoresTheSnapshotAndReplaysOnlyTheTail() {
        Result r = run(2_000, 1_000, false);
        assertThat(r.restoredFrom).isPositive();
        assertThat(r.records - r.restoredFrom).as("tail replayed").isLessThanOrEqualTo(1_000 + 4_096 * 2);
    }

    @Test
    void restartAfterFiveMillionPaymentsTakesAtMostTenSeconds() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("farthing.riskrestart.big"),
                "opt-in: -Dfarthing.riskrestart.big=true");
        Result r = run(Integer.getInteger("farthing.riskrestart.payments", 5_000_000),
                RiskEngineConfig.DEFAULT_SNAPSHOT_EVERY_RECORDS, true);
        assertThat(r.restoredFrom).isPositive();
        assertThat(r.openMillis).as("restart (ms)").isLessThanOrEqualTo(10_000);
    }

    private record Result(long records, long restoredFrom, long openMillis) {
    }

    private Result run(int payments, long snapshotEvery, boolean fsync) {
        RiskEngineConfig config = RiskEngineConfig.defaults().withFsync(fsync).withSnapshotEveryRecords(snapshotEvery);
        Path risk = dir.resolve("risk");
        long seed = Long.getLong("farthing.seed", 7);
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        long started = System.nanoTime();
        long records;
        try (Ledger ledger = openLedger()) {
            accounts(ledger);
            RiskEngine engine = RiskEngine.open(ledger, risk, assessor(risk), config, DecisionObserver.NONE, true);
            Semaphore window = new Semaphore(4_096);
            for (int i = 0; i < payments; i++) {
                window.acquireUninterruptibly();
                engine.submit(payment(random, "p" + i)).whenComplete((ok, error) -> window.release());
            }
            window.acquireUninterruptibly(4_096);
            records = engine.journalRecords();
            engine.close(false); // as a crash leaves it: the tail since the last periodic snapshot is replayed
        }
        double writeS = (System.nanoTime() - started) / 1e9;
        try (Ledger ledger = openLedger()) {
            PipelineAssessor assessor = assessor(risk);
            long t0 = System.nanoTime();
            RiskEngine engine = RiskEngine.open(ledger, risk, assessor, config, DecisionObserver.NONE, true);
            long openMillis = (System.nanoTime() - t0) / 1_000_000;
            try {
                long restoredFrom = engine.restoredFromRecords();
                System.out.printf("RiskRestartTest: %,d payments (%,d journal records, written in %.1f s); log %,d bytes"
                                + " on disk, snapshot %,d bytes; restart %,d ms from the snapshot at record %,d (tail of %,d"
                                + " records)%n", payments, records, writeS, bytes(risk.resolve("log"), false),
                        bytes(risk.resolve("log"), true), openMillis, restoredFrom, records - restoredFrom);
                assertThat(engine.journalRecords()).isGreaterThanOrEqualTo(records);
                PaymentResult last = await(engine.submit(payment(new Random(seed), "p0")));
                assertThat(last.replayed()).as("an early payment still answers, from the index").isTrue();
                return new Result(records, restoredFrom, openMillis);
            } finally {
                engine.close();
            }
        }
    }

    private Ledger openLedger() {
        return Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), Clock.systemUTC());
    }

    private static PipelineAssessor assessor(Path risk) {
        DefaultFeatureEngine features = new DefaultFeatureEngine(FeatureConfig.defaults());
        return new PipelineAssessor(features,
                new LiveRiskConfig(risk.resolve("models"), risk.resolve("policies"), features.schema()),
                new ShadowScoreboard(1000, 0.5));
    }

    private static void accounts(Ledger ledger) {
        if (await(ledger.lookupAccount("bank")).isOk()) {
            return;
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        await(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of()))).orThrow();
        await(ledger.createAccount(new NewAccount("fees", "USD", AccountKind.FEE, null, 0, Map.of()))).orThrow();
        for (int i = 0; i < MERCHANTS; i++) {
            calls.add(ledger.createAccount(new NewAccount("m" + i, "USD", AccountKind.MERCHANT, null, 0, Map.of())));
        }
        for (int i = 0; i < PAYERS; i++) {
            calls.add(ledger.createAccount(new NewAccount("w" + i, "USD", AccountKind.WALLET, null, 0, Map.of())));
        }
        calls.forEach(RiskFixture::await);
        calls.clear();
        for (int i = 0; i < PAYERS; i++) {
            calls.add(ledger.createTransfer(NewTransfer.simple("fund-" + i, "bank", "w" + i, 1_000_000_000L, "USD")));
        }
        calls.forEach(RiskFixture::await);
    }

    private static PaymentRequest payment(Random r, String id) {
        int w = r.nextInt(PAYERS);
        return new PaymentRequest(id, "w" + w, "m" + r.nextInt(MERCHANTS), 1 + r.nextInt(500), "USD",
                new PaymentRequest.Fee("fees", 1),
                new PaymentContext("dev-" + w, "10." + (w >> 8 & 255) + "." + (w & 255) + ".1", "GB", null, null, null,
                        "article-" + r.nextInt(5_000), PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
    }

    /** Bytes of the log's segments ({@code snapshots} false) or of its newest snapshot. */
    private static long bytes(Path log, boolean snapshots) {
        try (Stream<Path> files = Files.list(log)) {
            List<Path> all = files.filter(f -> (dev.farthing.recordlog.RecordFormat.snapshotPositionOf(f) >= 0) == snapshots).sorted().toList();
            if (snapshots) {
                return all.isEmpty() ? 0 : Files.size(all.getLast());
            }
            long total = 0;
            for (Path f : all) {
                total += Files.size(f);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
