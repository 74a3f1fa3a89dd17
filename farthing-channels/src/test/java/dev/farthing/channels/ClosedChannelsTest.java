package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.farthing.channels.OneWayChannelTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

/** Closed channels and old events leave memory but stay readable, also after a restart; ids and numbers are never reused. */
class ClosedChannelsTest {
    private static final int CHANNELS = 2_200; // 4,400 events: more than the in-memory ring holds
    @TempDir
    Path dir;

    @Test
    void closedChannelsLeaveMemoryAndStayReadable() {
        try (Harness h = new Harness(dir)) {
            h.wallet("alice", 10_000_000);
            h.wallet("bob", 10_000_000);
            List<Keys> keys = new ArrayList<>();
            for (int i = 0; i < CHANNELS; i++) {
                Keys k = new Keys();
                keys.add(k);
                h.channels.open(k.open("alice", "bob", 600, 400, 3_600));
                ChannelState s = k.state(3, 100, 900);
                h.channels.closeCooperative(k.id, s, k.coopA(s), k.coopB(s));
            }
            assertThat(h.channels.openChannels()).as("closed channels are not in memory").isZero();
            assertThat(h.channels.lastEventSeq()).isEqualTo(2L * CHANNELS).isGreaterThan(EventLog.CACHE);
            assertThat(h.balance("alice")).isEqualTo(10_000_000 - 500L * CHANNELS);
            h.assertConserved();
            assertReadable(h, keys);

            h.restart(); // recovery and compaction: closed channels stay out of memory and out of the snapshot
            assertThat(h.channels.openChannels()).isZero();
            assertReadable(h, keys);

            Keys first = keys.getFirst();
            assertThat(h.channels.open(first.open("alice", "bob", 600, 400, 3_600)).status())
                    .as("repeating the open of a closed channel answers the closed channel").isEqualTo(ChannelStatus.CLOSED);
            assertCode(() -> h.channels.open(first.open("alice", "bob", 700, 400, 3_600)), "channel_exists");
            ChannelState s = first.state(9, 500, 500);
            assertCode(() -> h.channels.closeCooperative(first.id, s, first.coopA(s), first.coopB(s)), "channel_closed");
            assertThat(h.balance("alice")).isEqualTo(10_000_000 - 500L * CHANNELS);

            // A channel opened after compaction gets a fresh number, so its ledger transfers are new ones.
            Keys fresh = new Keys();
            Channel opened = h.channels.open(fresh.open("alice", "bob", 600, 400, 3_600));
            assertThat(opened.terms().number()).isEqualTo(CHANNELS + 1L);
            assertThat(h.balance("alice")).isEqualTo(10_000_000 - 500L * CHANNELS - 600);
            assertThat(h.channels.openChannels()).isEqualTo(1);
            h.assertConserved();
        }
    }

    private static void assertReadable(Harness h, List<Keys> keys) {
        for (int i = 0; i < keys.size(); i += 97) {
            Channel c = h.channels.get(keys.get(i).id).orElseThrow();
            assertThat(c.status()).isEqualTo(ChannelStatus.CLOSED);
            assertThat(c.settlement().toB()).isEqualTo(900);
        }
        // The oldest events come from disk (the ring holds the newest only), in order and complete.
        long seq = 0;
        for (List<ChannelEvent> page; !(page = events(h, seq)).isEmpty(); ) {
            for (ChannelEvent e : page) {
                assertThat(e.seq()).isEqualTo(++seq);
            }
        }
        assertThat(seq).isEqualTo(2L * keys.size());
        List<ChannelEvent> oldest = events(h, 0);
        assertThat(oldest.getFirst().seq()).isEqualTo(1);
        assertThat(oldest.getFirst().type()).isEqualTo("opened");
        assertThat(oldest.getFirst().channelId()).isEqualTo(keys.getFirst().id);
        assertThat(events(h, 299)).first().extracting(ChannelEvent::seq).isEqualTo(300L);
        assertThat(oldest).extracting(ChannelEvent::seq).isSorted().doesNotHaveDuplicates();
    }

    private static List<ChannelEvent> events(Harness h, long after) {
        try {
            return h.channels.events(after, 1000, 0);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
