package dev.farthing.ledger.journal;

import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * How a journal batch lies on the record log ({@code farthing-recordlog}): one atomic record-log batch of
 * <pre>
 *   event frames   type = the event's codec tag (1..5, {@code EventCodec}), payload = the encoded event
 *   a seal frame   type = {@link #SEAL}, payload (84 bytes):
 *                    0 sequence u64 | 8 batchTime u64 | 16 eventCount u32 | 20 prevHash 32 | 52 hash 32
 * </pre>
 * The hash chain is the one the previous journal format ({@link JournalFormat}) had, byte for byte:
 * {@code hash = SHA-256(prevHash ‖ 'FRTJ' u32 ‖ payloadBytes u32 ‖ sequence u64 ‖ batchTime u64 ‖ eventCount u32 ‖
 * events)}, {@code payloadBytes} being the events' total length; so a migrated journal keeps every hash and
 * {@code farthing verify} proves the same history. The seal comes last so the batch's last frame ends in hash
 * bytes, never in a value's zeros that the record log's torn-tail rule could take for pages that never landed.
 */
public final class LedgerFrames {
    /** The seal frame's record type (event frames use their codec tag, below 256). */
    public static final int SEAL = 0x100;
    public static final int SEAL_BYTES = 84;
    public static final int HASH_BYTES = JournalFormat.HASH_BYTES;
    public static final byte[] GENESIS_HASH = JournalFormat.GENESIS_HASH;

    private LedgerFrames() {
    }

    /** An event frame's type must be its payload's first byte, an event codec tag. */
    public static boolean isEventFrame(int type, byte[] payload) {
        return type >= 1 && type < 256 && payload.length > 0 && (payload[0] & 0xff) == type;
    }

    public static byte[] seal(long sequence, long batchTime, int eventCount, byte[] prevHash, byte[] hash) {
        return ByteBuffer.allocate(SEAL_BYTES).putLong(sequence).putLong(batchTime).putInt(eventCount)
                .put(prevHash).put(hash).array();
    }

    /** Starts a batch's hash: the previous hash and the previous format's 28 hashed header bytes. */
    public static void beginHash(MessageDigest sha256, byte[] prevHash, int payloadBytes, long sequence, long batchTime,
                                 int eventCount) {
        sha256.update(prevHash);
        sha256.update(ByteBuffer.allocate(JournalFormat.HASHED_HEADER_BYTES).putInt(JournalFormat.MAGIC)
                .putInt(payloadBytes).putLong(sequence).putLong(batchTime).putInt(eventCount).array());
    }

    /** A seal frame, decoded. */
    public record Seal(long sequence, long batchTime, int eventCount, byte[] prevHash, byte[] hash) {
        public static Seal decode(byte[] payload) {
            if (payload.length != SEAL_BYTES) {
                throw new IllegalStateException("seal of " + payload.length + " bytes, not " + SEAL_BYTES);
            }
            ByteBuffer b = ByteBuffer.wrap(payload);
            byte[] prev = new byte[HASH_BYTES];
            byte[] hash = new byte[HASH_BYTES];
            long sequence = b.getLong();
            long batchTime = b.getLong();
            int count = b.getInt();
            b.get(prev).get(hash);
            return new Seal(sequence, batchTime, count, prev, hash);
        }
    }
}
