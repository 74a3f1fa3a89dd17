package dev.farthing.watchtower.follow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The follower's durable position in the event stream: the seq of the last event fully handled. Saved by
 * writing a checksummed temp file, fsyncing it, renaming it over the old one and fsyncing the directory, so
 * a crash leaves either the old cursor or the new one, never a torn one.
 */
public final class CursorFile {
    private static final String NAME = "cursor";
    private static final int MAGIC = 0x46545743; // "FTWC"
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
            Files.deleteIfExists(dir.resolve(NAME + ".tmp"));
            if (!Files.exists(file)) {
                return new CursorFile(dir, 0);
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            if (b.remaining() != 16 || b.getInt() != MAGIC) {
                throw new IllegalStateException(file + " is not a watchtower cursor file");
            }
            long seq = b.getLong();
            if (b.getInt() != crc(seq)) {
                throw new IllegalStateException(file + " fails its checksum; refusing to guess a position");
            }
            return new CursorFile(dir, seq);
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
        Path tmp = dir.resolve(NAME + ".tmp");
        ByteBuffer b = ByteBuffer.allocate(16).putInt(MAGIC).putLong(newSeq).putInt(crc(newSeq)).flip();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save cursor in " + dir, e);
        }
        seq = newSeq;
    }

    private static int crc(long seq) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(seq).flip());
        return (int) crc.getValue();
    }
}
