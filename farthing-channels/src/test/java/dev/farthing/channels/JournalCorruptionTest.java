package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A torn tail of the channel journal is dropped; damage before the tail stops start-up and names the spot. */
class JournalCorruptionTest {
    @TempDir
    Path dir;

    @Test
    void tornTailIsTruncatedAndDamageStopsStartUp() throws Exception {
        Harness h = new Harness(dir);
        Keys k = new Keys();
        h.wallet("alice", 1_000);
        h.wallet("bob", 1_000);
        h.channels.open(k.open("alice", "bob", 500, 500, 600));
        ChannelState s = k.state(1, 900, 100);
        h.channels.closeUnilateral(k.id, Party.A, k.signed(s), k.submit(Party.A, s));
        h.channels.close();
        Path log;
        try (var segments = Files.list(dir.resolve("channels/journal"))) {
            log = segments.filter(f -> f.getFileName().toString().startsWith("segment-")).sorted().toList().getLast();
        }
        long size = Files.size(log);
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
            f.setLength(size + 5); // a record header cut short by the crash
            f.seek(size);
            f.write(new byte[] {0, 0, 0, 40, 1}); // fewer bytes than a frame header: torn
        }
        h.channels = ChannelService.open(h.ledger, h.config());
        assertThat(h.channels.get(k.id).orElseThrow().status()).isEqualTo(ChannelStatus.CLOSING);
        h.channels.close();
        // The restart compacted the journal into the snapshot; a snapshot is never torn, so any damage stops start-up.
        Path snap;
        try (var files = Files.list(dir.resolve("channels/journal"))) {
            snap = files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).toList().getFirst();
        }
        try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
            f.seek(20);
            int b = f.read();
            f.seek(20);
            f.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> ChannelService.open(h.ledger, h.config()))
                .isInstanceOf(CorruptChannelLogException.class).hasMessageContaining(snap.getFileName().toString());
        h.ledger.close();
    }
}
