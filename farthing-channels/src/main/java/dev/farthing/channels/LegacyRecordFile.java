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
 * Reads the channel store's format before the record log ({@code u32 length ‖ u32 CRC32C(payload) ‖ payload}
 * records in {@code channels.snap}, {@code channels.log}, {@code events.log} and closed-channel files). Used
 * only by {@link ChannelStoreMigration}; nothing writes this format any more.
 */
final class LegacyRecordFile {
    static final int MAX_RECORD = 1 << 20;

    private LegacyRecordFile() {
    }

    /** Every intact record of an append-only file; a torn tail (cut short or zero-filled) ends the list. */
    static List<byte[]> readLog(Path path) {
        List<byte[]> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            scan(path, ch, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Every record of a file that was only ever replaced atomically: anything short is corruption. */
    static List<byte[]> readStrict(Path path) {
        List<byte[]> out = new ArrayList<>();
        if (!Files.exists(path)) {
            return out;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long good = scan(path, ch, out);
            if (good != ch.size()) {
                throw new CorruptChannelLogException(path, good, "snapshot ends in an incomplete record");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static long scan(Path path, FileChannel ch, List<byte[]> out) throws IOException {
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
            out.add(payload.array());
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

    private static int crc32c(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b);
        return (int) crc.getValue();
    }
}
