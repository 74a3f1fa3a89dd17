package dev.farthing.ledger.api;

import dev.farthing.ledger.model.Currency;

import java.nio.file.Path;
import java.util.List;

/**
 * How a ledger is opened. {@code fsync} false is for tests and benchmarks of the non-durable path only.
 * {@code snapshotEveryBatches} and {@code snapshotEveryEvents} bound restart time: a snapshot is taken when
 * either count since the last one is reached, so replay never covers more than that many batches or
 * (give or take one batch) events.
 */
public record LedgerConfig(Path dataDir, List<Currency> currencies, boolean fsync, int queueCapacity,
                           int maxBatchCommands, long snapshotEveryBatches, long snapshotEveryEvents,
                           long segmentBytes) {

    public static final List<Currency> DEFAULT_CURRENCIES = List.of(new Currency("USD", 6), new Currency("EUR", 6));

    public LedgerConfig {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        currencies = List.copyOf(currencies);
        if (currencies.isEmpty()) {
            throw new IllegalArgumentException("at least one currency must be configured");
        }
        if (queueCapacity < 1 || maxBatchCommands < 1 || snapshotEveryBatches < 1 || snapshotEveryEvents < 1
                || segmentBytes < 4096) {
            throw new IllegalArgumentException("queueCapacity, maxBatchCommands, snapshotEveryBatches, snapshotEveryEvents"
                    + " must be positive, segmentBytes >= 4096");
        }
    }

    public static LedgerConfig defaults(Path dataDir) {
        return new LedgerConfig(dataDir, DEFAULT_CURRENCIES, true, 65_536, 16_384, 200_000, 4_000_000, 64L << 20);
    }

    public LedgerConfig withCurrencies(List<Currency> list) {
        return new LedgerConfig(dataDir, list, fsync, queueCapacity, maxBatchCommands, snapshotEveryBatches, snapshotEveryEvents, segmentBytes);
    }

    public LedgerConfig withFsync(boolean on) {
        return new LedgerConfig(dataDir, currencies, on, queueCapacity, maxBatchCommands, snapshotEveryBatches, snapshotEveryEvents, segmentBytes);
    }

    public LedgerConfig withSnapshotEveryBatches(long batches) {
        return new LedgerConfig(dataDir, currencies, fsync, queueCapacity, maxBatchCommands, batches, snapshotEveryEvents, segmentBytes);
    }

    public LedgerConfig withSnapshotEveryEvents(long events) {
        return new LedgerConfig(dataDir, currencies, fsync, queueCapacity, maxBatchCommands, snapshotEveryBatches, events,
                segmentBytes);
    }

    public LedgerConfig withSegmentBytes(long bytes) {
        return new LedgerConfig(dataDir, currencies, fsync, queueCapacity, maxBatchCommands, snapshotEveryBatches, snapshotEveryEvents, bytes);
    }
}
