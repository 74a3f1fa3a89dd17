package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A flood of junk disputes during the window cannot crowd out the honest penalty. */
class DisputeFloodTest {
    @TempDir
    Path dir;

    @Test
    void honestPenaltyLandsDuringAFlood() throws Exception {
        try (Harness h = new Harness(dir)) {
            Keys k = new Keys();
            h.wallet("alice", 1_000);
            h.wallet("bob", 1_000);
            h.channels.open(k.open("alice", "bob", 500, 500, 600));
            ChannelState stale = k.state(1, 900, 100);
            h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong limited = new AtomicLong();
            AtomicLong refused = new AtomicLong();
            List<Thread> attackers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String who = "attacker-" + t;
                attackers.add(Thread.ofPlatform().start(() -> flood(h, k, who, stop, limited, refused)));
            }
            Thread.sleep(300);
            Channel punished = h.channels.disputeWithSecret(k.id, 1, k.secretA(1), "tower");
            stop.set(true);
            for (Thread t : attackers) {
                t.join();
            }
            assertThat(punished.settlement().reason()).isEqualTo("penalty");
            assertThat(h.balance("bob")).isEqualTo(1_500);
            assertThat(refused.get()).isPositive();
            assertThat(limited.get()).as("junk beyond the burst is rate limited").isPositive();
            h.assertConserved();
        }
    }

    private static void flood(Harness h, Keys k, String who, AtomicBoolean stop, AtomicLong limited, AtomicLong refused) {
        long n = 0;
        while (!stop.get()) {
            n++;
            try {
                if (n % 2 == 0) {
                    h.channels.disputeWithSecret(k.id, 1, Keys.random32(), who);
                } else {
                    ChannelState s = k.state(100 + n, 0, 1_000); // higher nonce, forged signatures
                    h.channels.disputeWithState(k.id, Party.B, new SignedState(s, new byte[64], new byte[64]),
                            new byte[64], who);
                }
            } catch (ChannelException e) {
                switch (e.error()) {
                    case RATE_LIMITED -> limited.incrementAndGet();
                    case CHANNEL_CLOSED, NOT_IN_DISPUTE -> { return; }
                    default -> refused.incrementAndGet();
                }
            }
        }
    }
}
