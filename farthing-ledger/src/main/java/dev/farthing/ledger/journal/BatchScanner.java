package dev.farthing.ledger.journal;

import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordFormat;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordScanner;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams whole batches from the ledger's record log ({@link LedgerFrames}) and proves each one: its event
 * frames and their count, a gap-free sequence, the link to the previous hash and its own hash. Batches below
 * {@code decodeFrom} are only linked (their hash taken from the seal), not re-hashed or decoded: a reader
 * starting in the middle of a segment passes over them. Damage throws {@link CorruptionException} naming the file
 * and the offset of the damaged frame (record-log findings) or of the batch's first frame (ledger findings).
 */
public final class BatchScanner implements AutoCloseable {
    /** One proven batch; {@code events} is null for batches passed over (below {@code decodeFrom}). */
    public record Batch(long sequence, long batchTime, List<LedgerEvent> events, int eventCount, byte[] hash,
                        long position, long endPosition, long bytes) {
    }

    private final LedgerLog log;
    private final RecordScanner records;
    private final long decodeFrom;
    private final MessageDigest sha256 = Hashing.sha256();
    private final List<byte[]> pending = new ArrayList<>();
    private long expectedSequence;
    private byte[] previousHash;
    private long lastBatchTime;
    private int lastEventCount;

    /**
     * {@code expectedSequence}: the first batch's sequence, or 0 to take whatever comes (a scan from a segment's
     * start); {@code previousHash}: the hash it must chain from, or null when not known.
     */
    BatchScanner(LedgerLog log, RecordScanner records, long expectedSequence, byte[] previousHash, long decodeFrom) {
        this.log = log;
        this.records = records;
        this.expectedSequence = expectedSequence;
        this.previousHash = previousHash;
        this.decodeFrom = decodeFrom;
    }

    /** The next batch at or above {@code decodeFrom}, or null at the log's durable end. */
    public Batch next() {
        while (true) {
            Batch b = nextAny();
            if (b == null || b.events() != null) {
                return b;
            }
        }
    }

    /** The next batch, decoded or passed over. */
    Batch nextPassedOver() {
        return nextAny();
    }

    /** The sequence of the last batch read (passed over or not); the scan's first expected one minus 1 before any. */
    public long lastSequence() {
        return expectedSequence - 1;
    }

    /** The hash of the last batch read, or the one given at the start. */
    public byte[] lastHash() {
        return previousHash == null ? null : previousHash.clone();
    }

    public long lastBatchTime() {
        return lastBatchTime;
    }

    public int lastEventCount() {
        return lastEventCount;
    }

    /** The position after the last whole batch read. */
    public long position() {
        return records.position();
    }

    private Batch nextAny() {
        pending.clear();
        long first = -1;
        long bytes = 0;
        int payloadBytes = 0;
        try {
            while (records.hasNext()) {
                Record r = records.next();
                if (first < 0) {
                    first = r.position();
                }
                bytes += RecordFormat.frameBytes(r.payload().length);
                if (r.type() == LedgerFrames.SEAL) {
                    return sealed(r, first, bytes, payloadBytes);
                }
                if (!LedgerFrames.isEventFrame(r.type(), r.payload())) {
                    throw log.corruption(r.position(), "frame of type " + r.type() + " is neither a ledger event nor a seal");
                }
                pending.add(r.payload());
                payloadBytes += r.payload().length;
            }
        } catch (RecordLogCorruptException e) {
            throw new CorruptionException(e);
        }
        if (first >= 0) {
            throw log.corruption(first, "batch cut short: " + pending.size() + " event frames without their seal at the log's durable end");
        }
        return null;
    }

    private Batch sealed(Record sealFrame, long first, long bytes, int payloadBytes) {
        LedgerFrames.Seal seal;
        try {
            seal = LedgerFrames.Seal.decode(sealFrame.payload());
        } catch (IllegalStateException e) {
            throw log.corruption(sealFrame.position(), "undecodable seal (" + e.getMessage() + ")");
        }
        long sequence = seal.sequence();
        if (seal.eventCount() != pending.size()) {
            throw log.corruption(first, "batch " + sequence + " seals " + seal.eventCount() + " events but "
                    + pending.size() + " precede it");
        }
        if (expectedSequence != 0 && sequence != expectedSequence) {
            throw log.corruption(first, "batch " + sequence + " follows batch " + (expectedSequence - 1));
        }
        if (previousHash != null && !Arrays.equals(seal.prevHash(), previousHash)) {
            throw log.corruption(first, "hash chain broken at batch " + sequence);
        }
        List<LedgerEvent> events = null;
        if (sequence >= decodeFrom) {
            LedgerFrames.beginHash(sha256, seal.prevHash(), payloadBytes, sequence, seal.batchTime(), seal.eventCount());
            for (byte[] p : pending) {
                sha256.update(p);
            }
            if (!Arrays.equals(sha256.digest(), seal.hash())) {
                throw log.corruption(first, "record hash mismatch at batch " + sequence);
            }
            events = decode(first, sequence);
        }
        expectedSequence = sequence + 1;
        previousHash = seal.hash();
        lastBatchTime = seal.batchTime();
        lastEventCount = seal.eventCount();
        return new Batch(sequence, seal.batchTime(), events, seal.eventCount(), seal.hash(), first,
                sealFrame.nextPosition(), bytes);
    }

    private List<LedgerEvent> decode(long first, long sequence) {
        LedgerEvent[] events = new LedgerEvent[pending.size()];
        try {
            for (int i = 0; i < events.length; i++) {
                events[i] = EventCodec.decodeAll(ByteBuffer.wrap(pending.get(i)), 1).getFirst();
            }
        } catch (IllegalStateException e) {
            throw log.corruption(first, "undecodable batch " + sequence + " (" + e.getMessage() + ")");
        }
        return List.of(events);
    }

    @Override
    public void close() {
        records.close();
    }
}
