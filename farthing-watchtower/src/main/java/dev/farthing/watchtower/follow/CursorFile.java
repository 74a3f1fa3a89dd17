package dev.farthing.watchtower.follow;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.SealedFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The follower's durable position in the event stream: the seq of the last event fully handled, one record
 * in a {@link SealedFile} replaced atomically, so a crash leaves either the old cursor or the new one, never
 * a torn one. A cursor of the format before the record log (16 bytes: magic, seq, CRC) is read once and
 * rewritten.
 */
public final class CursorFile {
    private static final String NAME = "cursor";
    private static final int CURSOR = 1;
    private static final int LEGACY_MAGIC = 0x46545743; // "FTWC"
    private final Path dir;
    private volatile long seq;

    private CursorFile(Path dir, long seq) {
        this.dir = dir;
        this.seq = seq;
    }

    /** Reads the cursor in {@code dir}; 0 (the start of the stream) when none was ever saved. */
    public static CursorFile open(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            Files.deleteIfExists(dir.resolve(NAME + ".tmp")); // the old writer's temporary
            deleteOwnTemporaries(dir);
            if (!Files.exists(file)) {
                return new CursorFile(dir, 0);
            }
            if (!SealedFile.looksSealed(file)) {
                CursorFile migrated = new CursorFile(dir, 0);
                migrated.write(readLegacy(file));
                return migrated;
            }
            List<Record> records = SealedFile.read(file);
            if (records.size() != 1 || records.getFirst().type() != CURSOR || records.getFirst().payload().length != Long.BYTES) {
                throw new IllegalStateException(file + " is not a watchtower cursor file");
            }
            return new CursorFile(dir, ByteBuffer.wrap(records.getFirst().payload()).getLong());
        } catch (RecordLogCorruptException e) {
            throw new IllegalStateException(file + " is damaged; refusing to guess a position: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read cursor " + file, e);
        }
    }

    public long seq() {
        return seq;
    }

    /** Durably moves the cursor forward; a move backwards is a bug and fails loudly. */
    public void save(long newSeq) {
        if (newSeq < seq) {
            throw new IllegalArgumentException("cursor may not move back from " + seq + " to " + newSeq);
        }
        if (newSeq == seq) {
            return;
        }
        write(newSeq);
    }

    private void write(long newSeq) {
        SealedFile.write(dir.resolve(NAME), List.of(new Entry(CURSOR, ByteBuffer.allocate(Long.BYTES).putLong(newSeq).array())));
        seq = newSeq;
    }

    private static void deleteOwnTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "." + NAME + ".*")) {
            for (Path f : files) {
                if (AtomicFiles.isTemporary(f)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** The cursor format before the record log; read only to migrate it. */
    private static long readLegacy(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.remaining() != 16 || b.getInt() != LEGACY_MAGIC) {
            throw new IllegalStateException(file + " is not a watchtower cursor file");
        }
        long seq = b.getLong();
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(seq).flip());
        if (b.getInt() != (int) crc.getValue()) {
            throw new IllegalStateException(file + " fails its checksum; refusing to guess a position");
        }
        return seq;
    }
}
