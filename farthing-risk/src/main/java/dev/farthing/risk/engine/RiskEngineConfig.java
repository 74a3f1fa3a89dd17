package dev.farthing.risk.engine;

/**
 * Bounds and timings of a {@link RiskEngine}. {@code fsync} false is for tests and benchmarks of the
 * non-durable path only. Hold timeouts are in seconds of ledger time. {@code maxPayments} bounds the
 * idempotency window: beyond it the oldest settled payments are forgotten in memory (the payment index keeps
 * them). {@code snapshotEveryRecords} is how often the engine's memory is saved so a restart replays only the tail.
 */
public record RiskEngineConfig(int queueCapacity, int maxBatch, boolean fsync, long challengeTimeoutS,
                               long reviewTimeoutS, int maxPayments, int maxReviews, int maxLabels,
                               long snapshotEveryRecords) {

    public RiskEngineConfig {
        if (queueCapacity < 1 || maxBatch < 1 || maxPayments < 1 || maxReviews < 1 || maxLabels < 1) {
            throw new IllegalArgumentException("queue, batch and memory bounds must be positive");
        }
        if (snapshotEveryRecords < 0) {
            throw new IllegalArgumentException("snapshotEveryRecords must be 0 (never) or positive");
        }
        if (challengeTimeoutS < 1 || reviewTimeoutS < 1) {
            throw new IllegalArgumentException("hold timeouts must be at least one second");
        }
    }

    /** About half a million payments (a decision and the ledger's answer each) between snapshots. */
    public static final long DEFAULT_SNAPSHOT_EVERY_RECORDS = 1_000_000;

    /** 64k queued requests, batches of up to 1,024, fsync on, challenges 15 min, reviews 7 days. */
    public static RiskEngineConfig defaults() {
        return new RiskEngineConfig(65_536, 1_024, true, 15 * 60, 7 * 24 * 3600, 500_000, 100_000, 1_000_000,
                DEFAULT_SNAPSHOT_EVERY_RECORDS);
    }

    public RiskEngineConfig withFsync(boolean on) {
        return new RiskEngineConfig(queueCapacity, maxBatch, on, challengeTimeoutS, reviewTimeoutS, maxPayments,
                maxReviews, maxLabels, snapshotEveryRecords);
    }

    public RiskEngineConfig withMaxPayments(int max) {
        return new RiskEngineConfig(queueCapacity, maxBatch, fsync, challengeTimeoutS, reviewTimeoutS, max,
                maxReviews, maxLabels, snapshotEveryRecords);
    }

    /** Snapshot the engine's memory every {@code records} journal records (0: never; restarts replay everything). */
    public RiskEngineConfig withSnapshotEveryRecords(long records) {
        return new RiskEngineConfig(queueCapacity, maxBatch, fsync, challengeTimeoutS, reviewTimeoutS, maxPayments,
                maxReviews, maxLabels, records);
    }

    public RiskEngineConfig withChallengeTimeoutS(long seconds) {
        return new RiskEngineConfig(queueCapacity, maxBatch, fsync, seconds, reviewTimeoutS, maxPayments,
                maxReviews, maxLabels, snapshotEveryRecords);
    }
}
