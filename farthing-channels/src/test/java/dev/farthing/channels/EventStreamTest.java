package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The watchtower's stream: a long poll wakes on the next event; any seq replays, also after a restart. */
class EventStreamTest {
    @TempDir
    Path dir;

    @Test
    void longPollWakesAndReplayIsStable() throws Exception {
        try (Harness h = new Harness(dir)) {
            Keys k = new Keys();
            h.wallet("alice", 1_000);
            h.wallet("bob", 1_000);
            h.channels.open(k.open("alice", "bob", 500, 500, 600));
            long after = h.channels.lastEventSeq();
            CompletableFuture<List<ChannelEvent>> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return h.channels.events(after, 10, 10_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(100);
            assertThat(poll).isNotDone();
            ChannelState s = k.state(2, 300, 700);
            long t0 = System.nanoTime();
            h.channels.closeUnilateral(k.id, Party.B, k.signed(s), k.submit(Party.B, s));
            List<ChannelEvent> got = poll.get(5, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
            assertThat(got).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo("close_started");
                assertThat(e.seq()).isEqualTo(after + 1);
                assertThat(e.commitment()).isEqualTo(s.bytes());
                assertThat(e.windowEndsAt()).isEqualTo(h.channels.get(k.id).orElseThrow().closesAt());
            });
            assertThat(h.channels.events(after + 1, 10, 0)).isEmpty();
            List<ChannelEvent> before = h.channels.events(0, 100, 0);
            h.restart();
            List<ChannelEvent> replay = h.channels.events(0, 100, 0);
            assertThat(replay).hasSameSizeAs(before);
            assertThat(replay.getLast().commitment()).isEqualTo(s.bytes());
            assertThat(h.channels.events(1, 100, 0)).extracting(ChannelEvent::seq).startsWith(2L);
        }
    }
}
