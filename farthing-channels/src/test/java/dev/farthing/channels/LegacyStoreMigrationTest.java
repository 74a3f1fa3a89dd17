package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.SealedFile;
import dev.farthing.recordlog.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A channel directory in the format before the record log opens, is migrated on first start, and holds the
 * same channels, events and closed channels. The old format is written by {@link #writeLegacy}, the old
 * {@code RecordFile} writer's encoding copied here, from the state a run of the current code left.
 */
class LegacyStoreMigrationTest {
    @TempDir
    Path dir;

    /** The old RecordFile writer: {@code u32 length ‖ u32 CRC32C(payload) ‖ payload} per record. */
    static void writeLegacy(Path file, List<byte[]> records, byte[] tornTail) {
        try {
            Files.createDirectories(file.getParent());
            try (var out = Files.newOutputStream(file)) {
                for (byte[] r : records) {
                    CRC32C crc = new CRC32C();
                    crc.update(r);
                    out.write(ByteBuffer.allocate(8).putInt(r.length).putInt((int) crc.getValue()).array());
                    out.write(r);
                }
                out.write(tornTail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anOldChannelDirectoryIsMigratedOnFirstStart() throws Exception {
        Harness h = new Harness(dir);
        h.wallet("alice", 100_000);
        h.wallet("bob", 100_000);
        Keys closed = new Keys();
        h.channels.open(closed.open("alice", "bob", 600, 400, 3_600));
        ChannelState done = closed.state(3, 100, 900);
        h.channels.closeCooperative(closed.id, done, closed.coopA(done), closed.coopB(done));
        Keys closing = new Keys();
        h.channels.open(closing.open("alice", "bob", 500, 500, 600));
        h.restart(); // a snapshot holding the open channel, then more operations after it
        ChannelState s = closing.state(1, 900, 100);
        h.channels.closeUnilateral(closing.id, Party.A, closing.signed(s), closing.submit(Party.A, s));
        Keys open = new Keys();
        h.channels.open(open.open("alice", "bob", 300, 300, 3_600));
        List<ChannelEvent> events = h.channels.events(0, 100, 0);
        Channel closingBefore = h.channels.get(closing.id).orElseThrow();
        Channel openBefore = h.channels.get(open.id).orElseThrow();
        long alice = h.balance("alice");
        h.channels.close();

        Path channels = dir.resolve("channels");
        downgrade(channels);
        assertThat(channels.resolve("journal")).doesNotExist();

        h.channels = ChannelService.open(h.ledger, h.config());
        assertThat(channels.resolve("channels.log")).doesNotExist();
        assertThat(channels.resolve("channels.snap")).doesNotExist();
        assertThat(channels.resolve("events.log")).doesNotExist();
        assertThat(h.channels.get(closing.id).orElseThrow()).usingRecursiveComparison().isEqualTo(closingBefore);
        assertThat(h.channels.get(open.id).orElseThrow()).usingRecursiveComparison().isEqualTo(openBefore);
        assertThat(h.channels.get(closed.id).orElseThrow().status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(h.channels.events(0, 100, 0)).usingRecursiveComparison().isEqualTo(events);
        assertThat(h.balance("alice")).isEqualTo(alice);
        Keys after = new Keys();
        assertThat(h.channels.open(after.open("alice", "bob", 100, 100, 3_600)).terms().number()).isEqualTo(4);
        h.assertConserved();
        h.restart(); // the migrated store opens again as a plain record-log store
        assertThat(h.channels.get(open.id).orElseThrow()).usingRecursiveComparison().isEqualTo(openBefore);
        assertThat(h.channels.events(0, 100, 0)).hasSize(events.size() + 1);
        h.close();
    }

    /** Rewrites a record-log channel directory in the old format, as the current main leaves it. */
    private static void downgrade(Path channels) throws IOException {
        List<byte[]> snap = new ArrayList<>();
        List<byte[]> log = new ArrayList<>();
        try (RecordLog journal = RecordLog.open(channels.resolve("journal"))) {
            Snapshot snapshot = journal.latestSnapshot().orElseThrow();
            try (DataInputStream in = new DataInputStream(snapshot.open())) {
                snap.add(ByteBuffer.allocate(9).put((byte) 0x4d).putLong(in.readLong()).array());
                for (int n = in.readInt(); n > 0; n--) {
                    snap.add(in.readNBytes(in.readInt()));
                }
            }
            journal.replay(snapshot.position(), r -> log.add(r.payload()));
        }
        assertThat(log).isNotEmpty();
        List<byte[]> events = new ArrayList<>();
        try (RecordLog eventLog = RecordLog.open(channels.resolve("events"))) {
            eventLog.replay(eventLog.startPosition(), r -> events.add(r.payload()));
        }
        writeLegacy(channels.resolve("channels.snap"), snap, new byte[0]);
        writeLegacy(channels.resolve("channels.log"), log, new byte[] {0, 0, 0, 9, 1, 2}); // a torn tail, as a crash leaves
        writeLegacy(channels.resolve("events.log"), events, new byte[0]);
        try (Stream<Path> walk = Files.walk(channels.resolve("closed"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                List<Record> records = SealedFile.read(f);
                writeLegacy(f, List.of(records.getFirst().payload()), new byte[0]);
                assertThat(SealedFile.looksSealed(f)).isFalse();
            }
        }
        Files.writeString(channels.resolve("closed").resolve("stray.tmp"), "the old writer's temporary", StandardOpenOption.CREATE);
        for (String store : List.of("journal", "events")) {
            try (Stream<Path> walk = Files.walk(channels.resolve(store))) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
