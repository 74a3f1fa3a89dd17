package dev.farthing.ledger.journal;

import java.nio.file.Path;

/**
 * One journal record per committed batch:
 * <pre>
 *   0  magic        u32  'FRTJ'
 *   4  payloadBytes u32
 *   8  sequence     u64  1, 2, 3, ... with no gaps
 *  16  batchTime    u64  ledger nanoseconds
 *  24  eventCount   u32
 *  28  prevHash     32 bytes  hash of the previous record (zeros for the first)
 *  60  hash         32 bytes  SHA-256(prevHash ‖ bytes 0..28 ‖ payload)
 *  92  payload      events (EventCodec)
 *  ..  crc32c       u32 over everything before it
 * </pre>
 * The CRC catches torn and flipped bytes cheaply; the hash chain makes the history tamper-evident and
 * ties snapshots to the exact journal prefix they summarise.
 */
public final class JournalFormat {
    public static final int MAGIC = 0x4654524A;
    public static final int HEADER_BYTES = 92;
    public static final int TRAILER_BYTES = 4;
    public static final int OVERHEAD_BYTES = HEADER_BYTES + TRAILER_BYTES;
    public static final int HASH_BYTES = 32;
    public static final int HASHED_HEADER_BYTES = 28;
    public static final int MAX_PAYLOAD_BYTES = 256 << 20;
    public static final byte[] GENESIS_HASH = new byte[HASH_BYTES];

    private JournalFormat() {
    }

    public static String segmentName(long firstSequence) {
        return String.format("journal-%020d.log", firstSequence);
    }

    /** The first sequence a segment file holds, or -1 if the name is not a segment's. */
    public static long firstSequenceOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith("journal-") || !name.endsWith(".log") || name.length() != 32) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(8, 28));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
