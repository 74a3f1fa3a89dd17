package dev.farthing.client.twoway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Append-only, checksummed record file with group commit. A record is {@code length u32 ‖ type u8 ‖ payload ‖
 * crc32c u32} (the CRC covers length, type and payload). {@link #append} only buffers; {@link #sync} writes
 * every buffered record and fsyncs once, so many updates share one fsync. On open, a torn last record (a crash
 * mid-write: short, or failing its CRC with nothing after it) is cut off; a bad record followed by more data is
 * corruption and refuses to open.
 */
public final class StateStore implements AutoCloseable {
    public static final int MAX_RECORD = 16 * 1024;
    private static final int OVERHEAD = 4 + 1 + 4;

    /** A recovered record. */
    public record Record(byte type, byte[] payload) {
    }

    /** How a sync reaches the disk; tests substitute one that fails to model a crash before the fsync. */
    @FunctionalInterface
    public interface Durability {
        Durability FSYNC = channel -> channel.force(false);

        void force(FileChannel channel) throws IOException;
    }

    private final FileChannel channel;
    private final Durability durability;
    private final List<Record> recovered;
    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private long synced;
    private IOException failed;

    private StateStore(FileChannel channel, Durability durability, List<Record> recovered) {
        this.channel = channel;
        this.durability = durability;
        this.recovered = recovered;
    }

    public static StateStore open(Path file) {
        return open(file, Durability.FSYNC);
    }

    public static StateStore open(Path file, Durability durability) {
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            byte[] all = Files.readAllBytes(file);
            List<Record> records = new ArrayList<>();
            int end = scan(all, records);
            if (end < all.length) {
                ch.truncate(end); // torn tail from a crash mid-write
                ch.force(true);
            }
            ch.position(end);
            return new StateStore(ch, durability, records);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open state file " + file, e);
        }
    }

    /** The records found when the file was opened, in order. */
    public List<Record> recovered() {
        return recovered;
    }

    /** Buffers a record; it is durable only after the next {@link #sync}. */
    public void append(byte type, byte[] payload) {
        if (payload.length + 1 > MAX_RECORD) {
            throw new IllegalArgumentException("record too large: " + payload.length);
        }
        int size = OVERHEAD + payload.length;
        if (pending.remaining() < size) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + size));
            pending.flip();
            bigger.put(pending);
            pending = bigger;
        }
        int start = pending.position();
        pending.putInt(payload.length + 1).put(type).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(pending.array(), start, 5 + payload.length);
        pending.putInt((int) crc.getValue());
    }

    /** True when records are buffered but not yet durable. */
    public boolean dirty() {
        return pending.position() > 0;
    }

    /** Writes and fsyncs every buffered record (one fsync for the group). Returns the number of syncs so far. */
    public long sync() {
        if (failed != null) {
            // After a failed fsync the kernel may have dropped the dirty pages: never report durability again.
            throw new UncheckedIOException("state file failed an earlier sync; reopen it", failed);
        }
        if (!dirty()) {
            return synced;
        }
        try {
            pending.flip();
            while (pending.hasRemaining()) {
                channel.write(pending);
            }
            pending.clear();
            durability.force(channel);
            return ++synced;
        } catch (IOException e) {
            failed = e;
            throw new UncheckedIOException("state file sync failed", e);
        }
    }

    /** False once a sync has failed; the store then refuses to sync again. */
    public boolean healthy() {
        return failed == null;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses records; returns the offset after the last good one. */
    static int scan(byte[] all, List<Record> out) {
        int at = 0;
        while (at < all.length) {
            if (all.length - at < OVERHEAD) {
                return at; // torn: not even a header
            }
            int length = ByteBuffer.wrap(all, at, 4).getInt();
            if (length < 1 || length > MAX_RECORD) {
                if (allZero(all, at)) {
                    return at; // a crash left a zero-filled tail
                }
                throw new StateFileCorruptException("bad record length " + length + " at offset " + at);
            }
            int end = at + 4 + length + 4;
            if (end > all.length) {
                return at; // torn: record cut short
            }
            CRC32C crc = new CRC32C();
            crc.update(all, at, 4 + length);
            if ((int) crc.getValue() != ByteBuffer.wrap(all, at + 4 + length, 4).getInt()) {
                if (end == all.length) {
                    return at; // torn last record
                }
                throw new StateFileCorruptException("checksum mismatch in record at offset " + at);
            }
            byte[] payload = new byte[length - 1];
            System.arraycopy(all, at + 5, payload, 0, payload.length);
            out.add(new Record(all[at + 4], payload));
            at = end;
        }
        return at;
    }

    private static boolean allZero(byte[] all, int from) {
        for (int i = from; i < all.length; i++) {
            if (all[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
