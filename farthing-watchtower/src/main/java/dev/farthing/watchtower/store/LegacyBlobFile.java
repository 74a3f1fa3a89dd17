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
 * Reads the tower's data file in the format before the record log ({@code blobs.dat}: a 16-byte header
 * ({@code "FTWBLOBS"} ‖ record size ‖ version) then fixed-size {@link BlobRecord}s, a run of bad records at
 * the end being a torn tail). Used only by {@link BlobStoreMigration}; nothing writes this format any more.
 */
final class LegacyBlobFile {
    static final int HEADER_SIZE = 16;
    private static final byte[] MAGIC = "FTWBLOBS".getBytes(StandardCharsets.US_ASCII);
    /** Version 2 added each record's client namespace; a version-1 file (one shared namespace) is refused. */
    private static final int FORMAT_VERSION = 2;
    private static final int SCAN_RECORDS = 4096;

    private LegacyBlobFile() {
    }

    /** Hands each good record, in order, to {@code onRecord}; returns how many. */
    static int read(Path path, ObjIntConsumer<BlobRecord> onRecord) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() < HEADER_SIZE) {
                return 0; // a header cut short is a crash during creation: nothing was ever stored
            }
            checkHeader(ch, path);
            return scan(ch, path, ch.size() - HEADER_SIZE, onRecord);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read legacy blob file " + path, e);
        }
    }

    private static void checkHeader(FileChannel ch, Path path) throws IOException {
        ByteBuffer want = ByteBuffer.allocate(HEADER_SIZE).put(MAGIC).putInt(BlobRecord.SIZE).putInt(FORMAT_VERSION).flip();
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

    private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at " + at);
            }
            at += n;
        }
    }
}
