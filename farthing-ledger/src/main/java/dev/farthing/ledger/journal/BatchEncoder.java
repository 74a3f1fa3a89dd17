package dev.farthing.ledger.journal;

import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.recordlog.Entry;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns batches into record-log entries ({@link LedgerFrames}) and carries the hash chain from one to the next.
 * Owned by one thread (the journal stage).
 */
public final class BatchEncoder {
    private final MessageDigest sha256 = Hashing.sha256();
    private final ByteSink events = new ByteSink(1 << 20);
    private long lastSequence;
    private byte[] lastHash;

    /** One encoded batch: the entries to append atomically, and its hash. */
    public record Encoded(long sequence, List<Entry> entries, byte[] hash) {
    }

    /** Continues the chain after batch {@code lastSequence} whose hash is {@code lastHash} (genesis: 0 and zeros). */
    public BatchEncoder(long lastSequence, byte[] lastHash) {
        this.lastSequence = lastSequence;
        this.lastHash = lastHash.clone();
    }

    public long lastSequence() {
        return lastSequence;
    }

    public byte[] lastHash() {
        return lastHash.clone();
    }

    /** Encodes {@code batch} as the next batch of the chain. */
    public Encoded encode(List<LedgerEvent> batch, long batchTime) {
        events.reset();
        List<Entry> entries = new ArrayList<>(batch.size() + 1);
        int start = 0;
        for (LedgerEvent e : batch) {
            EventCodec.encode(e, events);
            byte[] bytes = Arrays.copyOfRange(events.array(), start, events.size());
            entries.add(new Entry(bytes[0] & 0xff, bytes));
            start = events.size();
        }
        long sequence = lastSequence + 1;
        LedgerFrames.beginHash(sha256, lastHash, events.size(), sequence, batchTime, batch.size());
        sha256.update(events.array(), 0, events.size());
        byte[] hash = sha256.digest();
        entries.add(new Entry(LedgerFrames.SEAL, LedgerFrames.seal(sequence, batchTime, batch.size(), lastHash, hash)));
        lastSequence = sequence;
        lastHash = hash;
        return new Encoded(sequence, entries, hash);
    }
}
