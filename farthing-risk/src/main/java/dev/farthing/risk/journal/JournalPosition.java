package dev.farthing.risk.journal;

/**
 * A point in the risk journal, just after a record: how many records precede it (that one included), the byte
 * offset where the record ends, and the record's stored CRC. Derived stores (the payment index) remember the
 * position they reflect, so a restart can tell whether they are behind the journal, level with it, or describe
 * a journal that is no longer there (ahead, or diverged after a torn tail was cut).
 */
public record JournalPosition(long records, long endOffset, int crc) {
    public static final JournalPosition START = new JournalPosition(0, 0, 0);

    public JournalPosition {
        if (records < 0 || endOffset < 0 || (records == 0) != (endOffset == 0)) {
            throw new IllegalArgumentException("impossible journal position " + records + "/" + endOffset);
        }
    }
}
