package dev.farthing.watchtower.follow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorFileTest {
    @TempDir
    Path dir;

    @Test
    void startsAtZeroSurvivesReopenAndNeverMovesBack() {
        assertThat(CursorFile.open(dir).seq()).isZero();
        CursorFile c = CursorFile.open(dir);
        c.save(42);
        assertThat(CursorFile.open(dir).seq()).isEqualTo(42);
        assertThatThrownBy(() -> c.save(41)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CursorFile.open(dir).seq()).isEqualTo(42);
    }

    @Test
    void aLeftoverTempFileFromACrashIsIgnored() throws Exception {
        CursorFile.open(dir).save(7);
        Files.write(dir.resolve("cursor.tmp"), new byte[] {1, 2, 3});
        assertThat(CursorFile.open(dir).seq()).isEqualTo(7);
        assertThat(dir.resolve("cursor.tmp")).doesNotExist();
    }

    @Test
    void aCorruptCursorIsRefusedRatherThanGuessed() throws Exception {
        CursorFile.open(dir).save(7);
        byte[] raw = Files.readAllBytes(dir.resolve("cursor"));
        raw[11] ^= 1;
        Files.write(dir.resolve("cursor"), raw);
        assertThatThrownBy(() -> CursorFile.open(dir)).hasMessageContaining("checksum");
        Files.write(dir.resolve("cursor"), new byte[] {0, 1});
        assertThatThrownBy(() -> CursorFile.open(dir)).hasMessageContaining("not a watchtower cursor");
    }

    @Test
    void aCursorOfTheFormatBeforeTheRecordLogIsMigrated() throws Exception {
        // The old CursorFile writer: magic "FTWC" ‖ seq ‖ CRC32C(seq).
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(java.nio.ByteBuffer.allocate(8).putLong(99).flip());
        Files.write(dir.resolve("cursor"), java.nio.ByteBuffer.allocate(16).putInt(0x46545743).putLong(99)
                .putInt((int) crc.getValue()).array());
        assertThat(CursorFile.open(dir).seq()).isEqualTo(99);
        assertThat(dev.farthing.recordlog.SealedFile.looksSealed(dir.resolve("cursor"))).isTrue();
        assertThat(CursorFile.open(dir).seq()).isEqualTo(99);
    }
}
