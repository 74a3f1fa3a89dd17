package dev.farthing.recordlog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.farthing.recordlog.LogFiles.bytes;
import static dev.farthing.recordlog.LogFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsAndRefusesAnyTruncationOrFlippedBit() throws IOException {
        Path f = dir.resolve("closed");
        SealedFile.write(f, List.of(new Entry(1, bytes("one")), new Entry(2, bytes("two"))));
        assertThat(SealedFile.looksSealed(f)).isTrue();
        List<Record> records = SealedFile.read(f);
        assertThat(records).extracting(r -> r.type() + text(r.payload())).containsExactly("1one", "2two");
        byte[] pristine = Files.readAllBytes(f);
        for (int size = 0; size < pristine.length; size++) {
            Files.write(f, Arrays.copyOf(pristine, size));
            if (size == pristine.length - RecordFormat.frameBytes(3)) {
                // Ends after the first frame, whose batch says another follows.
                assertThatThrownBy(() -> SealedFile.read(f)).isInstanceOf(RecordLogCorruptException.class);
                continue;
            }
            assertThatThrownBy(() -> SealedFile.read(f)).as("cut at %d", size).isInstanceOf(RecordLogCorruptException.class);
        }
        for (int i = 0; i < pristine.length; i++) {
            if (i >= 20 && i < 24) {
                continue; // the reserved word of the header
            }
            byte[] damaged = pristine.clone();
            damaged[i] ^= 4;
            Files.write(f, damaged);
            assertThatThrownBy(() -> SealedFile.read(f)).as("byte %d", i).isInstanceOf(RecordLogCorruptException.class);
        }
    }
}
