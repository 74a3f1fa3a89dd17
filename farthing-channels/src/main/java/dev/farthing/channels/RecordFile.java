package dev.farthing.channels;

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
 * An append-only file of checksummed records: {@code u32 length ‖ u32 CRC32C(payload) ‖ payload}. On open,
 * a torn tail (a record cut short, or zero fill, at the end) is truncated: it was never acknowledged. A bad
 * checksum anywhere before the end is corruption and stops start-up, naming file and offset.
 */
final class RecordFile implements AutoCloseable {
    static final int MAX_RECORD = 1 << 20;
    private final Path path;
    private final FileChannel file;
    private final boolean fsync;
    private final Object syncLock = new Object();
    private long written;
    private long synced;

    private RecordFile(Path path, FileChannel file, boolean fsync) {
        this.path = path;
        this.file = file;
        this.fsync = fsync;
    }

    /** Sees each intact record during a scan, with the file offset it starts at. */
    @FunctionalInterface
    interface Visitor {
        void record(long offset, byte[] payload);
    }

    /** Opens (creating) the file, returns it with every intact record read; truncates a torn tail. */
    static RecordFile open(Path path, boolean fsync, List<byte[]> recordsOut) {
        return open(path, fsync, (offset, payload) -> recordsOut.add(payload));
    }

    /** Opens (creating) the file, handing each intact record to {@code visitor}; truncates a torn tail. */
    static RecordFile open(Path path, boolean fsync, Visitor visitor) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long good = scan(path, ch, visitor);
            if (good < ch.size()) {
                ch.truncate(good);
                ch.force(true);
            }
            ch.position(good);
            return new RecordFile(path, ch, fsync);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    /**
     * Reads a file that is only ever replaced atomically (a snapshot): it has no torn tail, so anything short
     * of a whole last record is corruption, never truncated.
     */
    static List<byte[]> readStrict(Path path) {
        List<byte[]> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long good = scan(path, ch, (offset, payload) -> out.add(payload));
            if (good != ch.size()) {
                throw new CorruptChannelLogException(path, good, "snapshot ends in an incomplete record");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static long scan(Path path, FileChannel ch, Visitor out) throws IOException {
        long size = ch.size();
        long pos = 0;
        ByteBuffer header = ByteBuffer.allocate(8);
        while (pos + 8 <= size) {
            header.clear();
            ch.read(header, pos);
            int len = header.getInt(0);
            int crc = header.getInt(4);
            if (len == 0 && crc == 0 && allZero(ch, pos, size)) {
                return pos;
            }
            if (len <= 0 || len > MAX_RECORD) {
                throw new CorruptChannelLogException(path, pos, "bad record length " + len);
            }
            if (pos + 8 + len > size) {
                return pos; // torn tail
            }
            ByteBuffer payload = ByteBuffer.allocate(len);
            ch.read(payload, pos + 8);
            if (crc32c(payload.array()) != crc) {
                if (pos + 8 + len == size) {
                    return pos; // the last record, partly written
                }
                throw new CorruptChannelLogException(path, pos, "checksum mismatch");
            }
            out.record(pos, payload.array());
            pos += 8 + len;
        }
        return pos;
    }

    private static boolean allZero(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer rest = ByteBuffer.allocate((int) Math.min(size - from, 1 << 16));
        ch.read(rest, from);
        for (byte b : rest.array()) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static int crc32c(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b);
        return (int) crc.getValue();
    }

    /**
     * Reads the record at {@code offset} of {@code ch} (an offset returned by {@link #append} or seen in a scan)
     * into {@code into[0]}; returns the offset of the record after it. Reads only bytes already written, so
     * it is safe alongside appends through another channel on the same file.
     */
    static long readAt(FileChannel ch, Path path, long offset, byte[][] into) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(8);
        readFully(ch, path, header, offset);
        int len = header.getInt(0);
        if (len <= 0 || len > MAX_RECORD) {
            throw new CorruptChannelLogException(path, offset, "bad record length " + len);
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        readFully(ch, path, payload, offset + 8);
        if (crc32c(payload.array()) != header.getInt(4)) {
            throw new CorruptChannelLogException(path, offset, "checksum mismatch");
        }
        into[0] = payload.array();
        return offset + 8 + len;
    }

    private static void readFully(FileChannel ch, Path path, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new CorruptChannelLogException(path, at, "record runs past the end of the file");
            }
        }
    }

    /**
     * Appends and (when configured) fsyncs before returning: the record is durable once this returns.
     * Returns the offset the record starts at.
     * Group commit: the write happens under the file's monitor, the fsync outside it, so writers that arrive
     * while one fsync runs are all made durable by the next one instead of one fsync each.
     */
    long append(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_RECORD) {
            throw new IllegalArgumentException("record size " + payload.length);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + payload.length);
        buf.putInt(payload.length).putInt(crc32c(payload)).put(payload).flip();
        long mine;
        long at;
        synchronized (this) {
            try {
                at = file.position();
                while (buf.hasRemaining()) {
                    file.write(buf);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + path, e);
            }
            mine = ++written;
        }
        if (fsync) {
            syncUpTo(mine);
        }
        return at;
    }

    private void syncUpTo(long record) {
        synchronized (syncLock) {
            if (synced >= record) {
                return; // another writer's fsync covered this record
            }
            long target;
            synchronized (this) {
                target = written;
            }
            try {
                file.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot fsync " + path, e);
            }
            synced = target;
        }
    }

    synchronized long size() {
        try {
            return file.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code records} to a fresh file atomically (temp file, fsync, rename, directory fsync). */
    static void writeAtomically(Path target, List<byte[]> records) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try (RecordFile f = open(tmp, true, new ArrayList<>())) {
                for (byte[] r : records) {
                    f.appendNoSync(r);
                }
                f.file.force(true);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private void appendNoSync(byte[] payload) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8 + payload.length);
        buf.putInt(payload.length).putInt(crc32c(payload)).put(payload).flip();
        while (buf.hasRemaining()) {
            file.write(buf);
        }
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
