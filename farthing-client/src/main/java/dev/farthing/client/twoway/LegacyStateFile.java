package dev.farthing.client.twoway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a state file in the format before the record log ({@code length u32 ‖ type u8 ‖ payload ‖ crc32c u32},
 * one file). Used only by {@link StateStore}'s migration; nothing writes this format any more.
 */
final class LegacyStateFile {
    private static final int MAX_RECORD = 16 * 1024;
    private static final int OVERHEAD = 4 + 1 + 4;

    private LegacyStateFile() {
    }

    /** Every intact record; a torn last record (short, zero-filled, or failing its CRC at the end) is dropped. */
    static List<StateStore.Record> read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file); // legacy state files are small (one channel's records)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read legacy state file " + file, e);
        }
        List<StateStore.Record> out = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            if (all.length - at < OVERHEAD) {
                break;
            }
            int length = ByteBuffer.wrap(all, at, 4).getInt();
            if (length < 1 || length > MAX_RECORD) {
                if (allZero(all, at)) {
                    break;
                }
                throw new StateFileCorruptException("bad record length " + length + " at offset " + at + " of " + file);
            }
            int end = at + 4 + length + 4;
            if (end > all.length) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(all, at, 4 + length);
            if ((int) crc.getValue() != ByteBuffer.wrap(all, at + 4 + length, 4).getInt()) {
                if (end == all.length) {
                    break;
                }
                throw new StateFileCorruptException("checksum mismatch in record at offset " + at + " of " + file);
            }
            byte[] payload = new byte[length - 1];
            System.arraycopy(all, at + 5, payload, 0, payload.length);
            out.add(new StateStore.Record(all[at + 4], payload));
            at = end;
        }
        return out;
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
