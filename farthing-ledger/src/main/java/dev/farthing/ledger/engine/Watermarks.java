package dev.farthing.ledger.engine;

/**
 * Progress published by each stage, read by the others: how far batches are applied, durable, indexed.
 * Each field has exactly one writer thread.
 */
final class Watermarks {
    volatile long appliedSequence;
    volatile long committedSequence;
    volatile long committedTimestamp;
    volatile long indexedSequence;
    volatile long indexedTimestamp;
    volatile int accounts;
    volatile int pendingHolds;
    volatile long transfersCommitted;

    void startAt(long sequence, long timestamp) {
        appliedSequence = sequence;
        committedSequence = sequence;
        committedTimestamp = timestamp;
        indexedSequence = sequence;
        indexedTimestamp = timestamp;
    }
}
