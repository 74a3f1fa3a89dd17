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
        long durableSize = Files.size(dir.resolve("b.state"));
        pair.b = pair.reopen(Party.B, channel -> {
            throw new IOException("power cut before fsync");
        });
        pair.a.complete(pair.b.accept(pair.a.propose(940, 60))); // B now holds state 6, not yet durable
        assertThatThrownBy(pair.b::flush).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(pair.b::flush).isInstanceOf(UncheckedIOException.class); // poisoned, never "durable"
        // The crash loses what never reached the disk; B restarts at state 5 and still owes nothing for 5.
        pair.b.close();
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("b.state").toFile(), "rw")) {
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
            }
            s.sync();
        }
        long full = Files.size(file);
        for (int cut = 1; cut < 13; cut++) {
            Path copy = dir.resolve("torn-" + cut);
            Files.copy(file, copy);
            try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
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
        Files.write(file, new byte[64], java.nio.file.StandardOpenOption.APPEND); // zero-filled tail
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
        byte[] bytes = Files.readAllBytes(file);
        bytes[6] ^= 0x10; // payload of the first record
        Files.write(file, bytes);
        assertThatThrownBy(() -> StateStore.open(file)).isInstanceOfSatisfying(StateFileCorruptException.class,
                e -> assertThat(e.code()).isEqualTo("state_file_corrupt"));
    }
}
