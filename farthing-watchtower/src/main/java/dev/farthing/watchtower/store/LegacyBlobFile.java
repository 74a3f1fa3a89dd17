package dev.farthing.watchtower.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * The append-only data file: a 16-byte header ({@code "FTWBLOBS"} ‖ record size ‖ version) then fixed-size
 * {@link BlobRecord}s. Opening scans every record. A run of bad records reaching the end of the file is a
 * torn tail (a batch cut short by a crash before its fsync, so never acknowledged) and is truncated; a bad
 * record followed by a good one was once durable, so the file is corrupt and opening is refused.
 */
final class RecordFile implements AutoCloseable {
    static final int HEADER_SIZE = 16;
    private static final byte[] MAGIC = "FTWBLOBS".getBytes(StandardCharsets.US_ASCII);
    /** Version 2 added each record's client namespace; a version-1 file (one shared namespace) is refused. */
    private static final int FORMAT_VERSION = 2;
    private static final int SCAN_RECORDS = 4096;
    private final FileChannel channel;
    private final Path path;
    private volatile int count;
    private final long tornBytes;

    private RecordFile(FileChannel channel, Path path, int count, long tornBytes) {
        this.channel = channel;
        this.path = path;
        this.count = count;
        this.tornBytes = tornBytes;
    }

    /** Opens (creating if absent) and recovers the file, handing each good record to {@code onRecord}. */
    static RecordFile open(Path path, ObjIntConsumer<BlobRecord> onRecord) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                checkOrWriteHeader(ch, path);
                long body = ch.size() - HEADER_SIZE;
                int good = scan(ch, path, body, onRecord);
                long keep = HEADER_SIZE + (long) good * BlobRecord.SIZE;
                long torn = ch.size() - keep;
                if (torn > 0) {
                    ch.truncate(keep);
                    ch.force(true);
                }
                return new RecordFile(ch, path, good, torn);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open blob file " + path, e);
        }
    }

    private static void checkOrWriteHeader(FileChannel ch, Path path) throws IOException {
        ByteBuffer want = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(BlobRecord.SIZE).putInt(FORMAT_VERSION).flip();
        if (ch.size() < HEADER_SIZE) {
            // A header cut short is a crash during creation: nothing was ever stored.
            ch.truncate(0);
            ch.write(want, 0);
            ch.force(true);
            // The new file's directory entry must be durable too, or a crash could lose the whole file.
            try (FileChannel parent = FileChannel.open(path.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                parent.force(true);
            }
            return;
        }
        ByteBuffer got = ByteBuffer.allocate(HEADER_SIZE);
        ch.read(got, 0);
        if (!Arrays.equals(got.array(), want.array())) {
            throw new StoreException(StoreException.STORE_CORRUPTED, path + " is not a version-" + FORMAT_VERSION
                    + " watchtower blob file (bad header; a version-1 file predates per-client namespaces: start a new tower"
                    + " directory and have wallets upload again)", null);
        }
    }

    private static int scan(FileChannel ch, Path path, long body, ObjIntConsumer<BlobRecord> onRecord) throws IOException {
        int whole = Math.toIntExact(body / BlobRecord.SIZE);
        int firstBad = -1;
        ByteBuffer buf = ByteBuffer.allocate(SCAN_RECORDS * BlobRecord.SIZE);
        for (int start = 0; start < whole; start += SCAN_RECORDS) {
            int n = Math.min(SCAN_RECORDS, whole - start);
            buf.clear().limit(n * BlobRecord.SIZE);
            readFully(ch, buf, HEADER_SIZE + (long) start * BlobRecord.SIZE);
            buf.flip();
            for (int i = start; i < start + n; i++) {
                BlobRecord r = BlobRecord.decode(buf, i);
                if (r == null && firstBad < 0) {
                    firstBad = i;
                } else if (r != null && firstBad >= 0) {
                    throw new StoreException(StoreException.STORE_CORRUPTED, path + ": record " + firstBad
                            + " fails its checksum but record " + i + " after it is good; refusing to open", null);
                } else if (r != null) {
                    onRecord.accept(r, i);
                }
            }
        }
        return firstBad >= 0 ? firstBad : whole;
    }

    /** Appends one record (not yet durable: see {@link #force()}); returns its index. */
    int append(BlobRecord record) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(record.encode());
        long at = HEADER_SIZE + (long) count * BlobRecord.SIZE;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
        return count++;
    }

    BlobRecord read(int index) {
        ByteBuffer b = ByteBuffer.allocate(BlobRecord.SIZE);
        try {
            readFully(channel, b, HEADER_SIZE + (long) index * BlobRecord.SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record " + index + " of " + path, e);
        }
        BlobRecord r = BlobRecord.decode(b.flip(), index);
        if (r == null) {
            throw new StoreException(StoreException.STORE_CORRUPTED, path + ": record " + index
                    + " went bad on disk after it was stored", null);
        }
        return r;
    }

    void force() throws IOException {
        channel.force(false);
    }

    int count() {
        return count;
    }

    long tornBytes() {
        return tornBytes;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
