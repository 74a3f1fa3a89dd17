package dev.farthing.recordlog;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The byte layout of a record log, big-endian throughout.
 *
 * <p>A log is a directory of segment files {@code segment-<base>.log}, {@code <base>} being the 20-digit
 * log position of the segment's first byte. A frame's position is {@code base + offset in its file}
 * (64-bit); the next segment's base is the previous base plus the previous file's size, so positions
 * only grow and map to exactly one file.
 * <pre>
 * Segment header (24 bytes, written with the file before the file gets its name, so always whole):
 *   0  magic      u32  'FRLG'
 *   4  version    u32  1
 *   8  base       u64  equals the number in the file name
 *  16  crc32c     u32  over bytes 0..16
 *  20  reserved   u32  zero
 * Frame (16-byte header, then the payload):
 *   0  length     u32  stored payload bytes, 0..MAX_PAYLOAD_BYTES
 *   4  type       u16  the caller's record type, 0..65535
 *   6  flags      u16  bit 0: BATCH_CONTINUES (another frame of the same atomic batch follows)
 *   8  crc32c     u32  over header bytes 0..8 then the stored payload
 *  12  headerCrc  u32  over header bytes 0..12, so a damaged length is never mistaken for a torn write
 *  16  payload    length bytes, as stored (after the {@link PayloadTransform})
 * Snapshot file {@code snapshot-<position>.snap} (written with {@link AtomicFiles}):
 *   0  magic      u32  'FRSN'
 *   4  version    u32  1
 *   8  position   u64  the state covers every frame whose position is below this
 *  16  payload    the caller's bytes, as stored
 *  ..  length     u64  payload bytes
 *  ..  crc32c     u32  over everything before it
 * </pre>
 *
 * <p><b>The torn-tail rule.</b> Only the end of the last segment may be torn, and only in the ways a write
 * that never completed leaves it. Such a tail was never acknowledged (callers complete only after the fsync
 * covering their frame) and is cut on open, back to the end of the last whole batch. Torn means, for the
 * frame at offset {@code o} in the last segment:
 * <ol>
 *   <li>fewer than 16 bytes remain after {@code o} (a partial header);</li>
 *   <li>the header checksum holds but the payload runs past the end of the file (a partial payload);</li>
 *   <li>every byte from {@code o} to the end is zero (the file's size landed, its data did not);</li>
 *   <li>its header or payload checksum fails and, from some offset inside the frame, every byte to the end
 *       is zero, at least 16 of them (the write's size landed, its pages from there on did not; one write
 *       holds a group of multi-frame batches, so the frame need not be the file's last). A frame whose header
 *       checksum fails counts only its 16 header bytes as inside it: its length is not to be trusted;</li>
 *   <li>complete frames of a batch whose last frame ({@code BATCH_CONTINUES} clear) is missing or torn.</li>
 * </ol>
 * Everything else is a {@link RecordLogCorruptException} naming file and offset: a bad header checksum or a
 * bad checksum on a complete frame followed by anything but such zeros (also in the last frame), a length
 * above the limit, unknown flags, a damaged or short segment header (segments are
 * created whole, see {@link AtomicFiles}), a non-last segment whose size does not reach the next segment's
 * base, and any short or damaged frame in a non-last segment or before the durable end. Frames of non-last
 * segments are checked when scanned, not on open. Because the length is covered by the header checksum, a
 * damaged length is never mistaken for a torn write. The rule relies on a crash leaving a prefix of the last
 * write, possibly followed by zeros (ext4, xfs), never old data or garbage.
 */
public final class RecordFormat {
    public static final int SEGMENT_MAGIC = 0x46524C47;
    public static final int SNAPSHOT_MAGIC = 0x4652534E;
    public static final int VERSION = 1;
    public static final int SEGMENT_HEADER_BYTES = 24;
    public static final int FRAME_HEADER_BYTES = 16;
    public static final int SNAPSHOT_HEADER_BYTES = 16;
    public static final int SNAPSHOT_TRAILER_BYTES = 12;
    public static final int MAX_PAYLOAD_BYTES = 64 << 20;
    public static final int MAX_TYPE = 0xFFFF;
    public static final int FLAG_BATCH_CONTINUES = 1;

    private RecordFormat() {
    }

    /** Bytes a frame with {@code storedLength} payload bytes takes in its segment. */
    public static long frameBytes(int storedLength) {
        return FRAME_HEADER_BYTES + (long) storedLength;
    }

    public static String segmentName(long base) {
        return String.format("segment-%020d.log", base);
    }

    /** The base a segment file's name gives, or -1 if the name is not a segment's. */
    public static long segmentBaseOf(Path file) {
        return numberIn(file.getFileName().toString(), "segment-", ".log");
    }

    public static String snapshotName(long position) {
        return String.format("snapshot-%020d.snap", position);
    }

    /** The position a snapshot file's name gives, or -1 if the name is not a snapshot's. */
    public static long snapshotPositionOf(Path file) {
        return numberIn(file.getFileName().toString(), "snapshot-", ".snap");
    }

    private static long numberIn(String name, String prefix, String suffix) {
        if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length() != prefix.length() + 20 + suffix.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(prefix.length(), prefix.length() + 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static byte[] segmentHeader(long base) {
        ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
        b.putInt(SEGMENT_MAGIC).putInt(VERSION).putLong(base);
        b.putInt(crc(b.array(), 0, 16)).putInt(0);
        return b.array();
    }

    /** Null if the header is sound, else what is wrong with it. */
    static String checkSegmentHeader(ByteBuffer h, long expectedBase) {
        if (h.getInt(0) != SEGMENT_MAGIC) {
            return "not a record log segment (bad magic)";
        }
        if (h.getInt(16) != crc(h.array(), h.arrayOffset(), 16)) {
            return "segment header checksum mismatch";
        }
        if (h.getInt(4) != VERSION) {
            return "unsupported segment version " + h.getInt(4);
        }
        if (h.getLong(8) != expectedBase) {
            return "segment header base " + h.getLong(8) + " does not match its name (" + expectedBase + ")";
        }
        return null;
    }

    /** Writes one frame header at the buffer's position, the payload is put by the caller after it. */
    static void putFrame(ByteBuffer out, int type, int flags, byte[] stored) {
        putFrame(out, type, flags, stored, new CRC32C());
    }

    /** {@link #putFrame} with the caller's checksum object (the writer thread reuses one: no allocation per frame). */
    static void putFrame(ByteBuffer out, int type, int flags, byte[] stored, CRC32C c) {
        int start = out.position();
        out.putInt(stored.length).putShort((short) type).putShort((short) flags);
        c.reset();
        c.update(out.array(), out.arrayOffset() + start, 8);
        c.update(stored, 0, stored.length);
        out.putInt((int) c.getValue());
        c.reset();
        c.update(out.array(), out.arrayOffset() + start, 12);
        out.putInt((int) c.getValue());
        out.put(stored);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }
}
