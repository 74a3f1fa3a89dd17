package dev.farthing.ledger.api;

/**
 * What start-up did. {@code tornTailBytes} &gt; 0 means a partial last write was cut off
 * ({@code tornTailFile} at {@code tornTailOffset}); it was never acknowledged, so nothing is lost.
 */
public record RecoveryReport(String snapshotFile, long snapshotSequence, long replayedBatches,
                             String tornTailFile, long tornTailOffset, long tornTailBytes, long durationMs) {
}
