package dev.farthing.ledger.journal;

import dev.farthing.ledger.model.LedgerEvent;

import java.util.List;

/**
 * Streams committed batches from a given one on, one batch in memory at a time, beside the writer: it reads only up
 * to a batch the caller knows to be durable and stops there. Each batch it delivers is proven by
 * {@link BatchScanner}; damage throws {@link CorruptionException} naming file and offset. A reader paging forward
 * resumes where the last read stopped instead of passing over its segment's earlier batches again.
 */
public final class JournalTailReader {
    private final LedgerLog log;
    private volatile Resume resume;

    private record Resume(long sequence, long position) {
    }

    public JournalTailReader(LedgerLog log) {
        this.log = log;
    }

    /** Receives decoded batches in order; returns false to stop. */
    public interface RecordSink {
        boolean accept(long sequence, long batchTime, List<LedgerEvent> events);
    }

    /** Delivers batches {@code fromBatch..upToBatch} (both committed) to {@code sink} until it returns false. */
    public void read(long fromBatch, long upToBatch, RecordSink sink) {
        if (fromBatch > upToBatch) {
            return;
        }
        Resume hint = resume;
        try (BatchScanner batches = hint == null ? log.scanFrom(fromBatch, 0, 0)
                : log.scanFrom(fromBatch, hint.position, hint.sequence)) {
            long expected = fromBatch;
            BatchScanner.Batch b;
            while ((b = batches.next()) != null) {
                if (b.sequence() != expected) {
                    throw log.corruption(b.position(), "expected committed batch " + expected + ", found batch " + b.sequence());
                }
                if (!sink.accept(b.sequence(), b.batchTime(), b.events())) {
                    resume = new Resume(b.sequence(), b.position());
                    return;
                }
                if (b.sequence() >= upToBatch) {
                    return;
                }
                expected++;
            }
            throw log.endCorruption("the journal ends before committed batch " + expected);
        }
    }
}
