package dev.farthing.risk.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * A copy of the previous version's journal writer (main before the record log): {@code risk/journal/risk-journal.log},
 * records framed as magic {@code FRKJ}, payload length, payload, CRC32C of the three. Tests write old data
 * directories with it to prove they are migrated.
 */
public final class LegacyJournalWriter {
    private LegacyJournalWriter() {
    }

    /** Writes {@code records} as the old engine did into the risk data directory {@code riskDir}; returns the file. */
    public static Path write(Path riskDir, List<RiskRecord> records) {
        ByteWriter pending = new ByteWriter(64 * 1024);
        CRC32C crc = new CRC32C();
        for (RiskRecord record : records) {
            int start = pending.size();
            pending.i32(JournalFormat.MAGIC);
            pending.i32(0);
            RecordCodec.write(pending, record);
            int payload = pending.size() - start - JournalFormat.HEADER_BYTES;
            pending.putIntAt(start + 4, payload);
            crc.reset();
            crc.update(pending.array(), start, pending.size() - start);
            pending.i32((int) crc.getValue());
        }
        try {
            Path dir = riskDir.resolve("journal");
            Files.createDirectories(dir);
            Path file = dir.resolve(JournalFormat.FILE_NAME);
            Files.write(file, java.util.Arrays.copyOf(pending.array(), pending.size()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
