package dev.farthing.client.twoway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.channel.protocol.Party;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash, torn-write and corruption behaviour of the state file, and secret-after-persist ordering. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void noSecretIsReleasedWhenTheStateCouldNotBeMadeDurable() throws Exception {
        ChannelPair pair = new ChannelPair(dir).open(1_000, 0);
        pair.pay(10, 5); // states 0..5 durable on both sides, secrets 0..4 exchanged
        pair.b.close();
        Path segment = lastSegment(dir.resolve("b.state"));
        long durableSize = Files.size(segment);
        pair.b = pair.reopen(Party.B, channel -> {
            throw new IOException("power cut before fsync");
        });
        pair.a.complete(pair.b.accept(pair.a.propose(940, 60))); // B now holds state 6, not yet durable
        assertThatThrownBy(pair.b::flush).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(pair.b::flush).isInstanceOf(UncheckedIOException.class); // poisoned, never "durable"
        // The crash loses what never reached the disk; B restarts at state 5 and still owes nothing for 5.
        pair.b.close();
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.setLength(durableSize);
        }
        pair.b = pair.reopen(Party.B, StateStore.Durability.FSYNC);
        assertThat(pair.b.latest().state().nonce()).isEqualTo(5);
        List<Messages.Revocation> released = pair.b.flush();
        assertThat(released).extracting(Messages.Revocation::nonce).allMatch(n -> n < 5);
    }

    @Test
    void secretsAreReleasedOnlyByFlushAfterTheSync() {
        List<String> events = new ArrayList<>();
        ChannelPair pair = new ChannelPair(dir).open(1_000, 0);
        pair.b.close();
        pair.b = pair.reopen(Party.B, channel -> {
            channel.force(false);
            events.add("fsync");
        });
        pair.b.flush();
        events.clear();
        pair.a.complete(pair.b.accept(pair.a.propose(990, 10)));
        assertThat(events).isEmpty(); // accepting does not sync and reveals nothing
        List<Messages.Revocation> released = pair.b.flush();
        events.add("released " + released.size());
        assertThat(events).containsExactly("fsync", "released 1");
        assertThat(released.get(0).nonce()).isZero();
    }

    @Test
    void restartRecoversLatestStateSecretsAndHashWindow() {
        ChannelPair pair = new ChannelPair(dir).open(10_000, 0);
        pair.pay(7, 300); // past the announced-hash window, so recovery must restore announced hashes
        pair.a.close();
        pair.b.close();
        pair.a = pair.reopen(Party.A, StateStore.Durability.FSYNC);
        pair.b = pair.reopen(Party.B, StateStore.Durability.FSYNC);
        assertThat(pair.a.latest().state().nonce()).isEqualTo(300);
        assertThat(pair.a.peerSecretFor(299)).isNotNull();
        pair.pay(1, 3);
        assertThat(pair.b.latest().state().balanceB()).isEqualTo(2_103);
    }

    @Test
    void tornLastRecordIsCutOffAndTheRestSurvives() throws Exception {
        Path file = dir.resolve("torn.state");
        try (StateStore s = StateStore.open(file)) {
            for (int i = 0; i < 5; i++) {
                s.append((byte) 9, new byte[] {(byte) i, 1, 2, 3});
                s.sync(); // one record per sync: the last one alone is torn below
            }
        }
        long full = Files.size(lastSegment(file));
        for (int cut = 1; cut < 13; cut++) {
            Path copy = dir.resolve("torn-" + cut);
            copyStore(file, copy);
            try (RandomAccessFile f = new RandomAccessFile(lastSegment(copy).toFile(), "rw")) {
                f.setLength(full - cut);
            }
            try (StateStore s = StateStore.open(copy)) {
                assertThat(s.recovered()).hasSize(4);
                s.append((byte) 9, new byte[] {42});
                s.sync();
            }
            try (StateStore s = StateStore.open(copy)) {
                assertThat(s.recovered()).hasSize(5);
                assertThat(s.recovered().get(4).payload()).containsExactly(42);
            }
        }
        Files.write(lastSegment(file), new byte[64], java.nio.file.StandardOpenOption.APPEND); // zero-filled tail
        try (StateStore s = StateStore.open(file)) {
            assertThat(s.recovered()).hasSize(5);
        }
    }

    @Test
    void corruptionBeforeTheTailRefusesToOpen() throws Exception {
        Path file = dir.resolve("corrupt.state");
        try (StateStore s = StateStore.open(file)) {
            for (int i = 0; i < 5; i++) {
                s.append((byte) 9, new byte[] {(byte) i, 1, 2, 3});
            }
            s.sync();
        }
        Path segment = lastSegment(file);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[24 + 16 + 1] ^= 0x10; // payload of the first record (after the segment and frame headers)
        Files.write(segment, bytes);
        assertThatThrownBy(() -> StateStore.open(file)).isInstanceOfSatisfying(StateFileCorruptException.class,
                e -> assertThat(e.code()).isEqualTo("state_file_corrupt"));
    }

    @Test
    void aStateFileOfTheFormatBeforeTheRecordLogIsMigratedOnOpen() throws Exception {
        Path file = dir.resolve("old.state");
        // The old StateStore's writer: length u32 (type + payload) ‖ type u8 ‖ payload ‖ crc32c u32 over the rest.
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) {
            byte[] payload = {(byte) i, 7, 7};
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 1 + payload.length + 4);
            b.putInt(payload.length + 1).put((byte) (i + 1)).put(payload);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(b.array(), 0, 5 + payload.length);
            b.putInt((int) crc.getValue());
            old.write(b.array());
        }
        old.write(new byte[] {0, 0, 0, 9, 1}); // a torn tail, as the old store could leave it
        Files.write(file, old.toByteArray());
        try (StateStore s = StateStore.open(file)) {
            assertThat(s.recovered()).extracting(StateStore.Record::type).containsExactly((byte) 1, (byte) 2, (byte) 3);
            assertThat(s.recovered().get(2).payload()).containsExactly(2, 7, 7);
            s.append((byte) 4, new byte[] {9});
            s.sync();
        }
        assertThat(file).isDirectory();
        assertThat(dir.resolve("old.state.legacy")).doesNotExist();
        try (StateStore s = StateStore.open(file)) {
            assertThat(s.recovered()).hasSize(4);
        }
        // A crash between the two renames of a migration: the old file is set aside, the new store not in place.
        Path crashed = dir.resolve("crashed.state");
        Files.write(dir.resolve("crashed.state.legacy"), old.toByteArray());
        try (StateStore s = StateStore.open(crashed)) {
            assertThat(s.recovered()).hasSize(3);
        }
    }

    private static Path lastSegment(Path store) throws IOException {
        try (var files = Files.list(store)) {
            return files.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList().getLast();
        }
    }

    private static void copyStore(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
