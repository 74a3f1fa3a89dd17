package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.Splice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.farthing.channels.OneWayChannelTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

/** Top-ups and partial withdrawals of two-way channels (spliced states), and revocation across a splice. */
class SpliceTest {
    @TempDir
    Path dir;
    Harness h;
    final Keys k = new Keys();

    @BeforeEach
    void setUp() {
        h = new Harness(dir);
        h.wallet("alice", 10_000);
        h.wallet("bob", 10_000);
        h.channels.open(k.open("alice", "bob", 600, 400, 3_600));
    }

    @AfterEach
    void tearDown() {
        h.assertConserved();
        h.close();
    }

    private Channel splice(Splice s) {
        return h.channels.splice(k.id, s, k.signA.sign(s.bytes()), k.signB.sign(s.bytes()));
    }

    private long escrow() {
        return h.channels.conservation().escrow("USD");
    }

    @Test
    void aTopUpAndAWithdrawalMoveMoneyAtomicallyWithTheState() throws Exception {
        Channel topped = splice(new Splice(k.state(4, 1_100, 400), 700, -200));
        assertThat(topped.total()).isEqualTo(1_500);
        assertThat(topped.spliceNonce()).isEqualTo(4);
        assertThat(h.balance("alice")).isEqualTo(10_000 - 600 - 700);
        assertThat(h.balance("bob")).isEqualTo(10_000 - 400 + 200);
        assertThat(escrow()).isEqualTo(1_500);
        h.assertConserved();

        Channel withdrawn = splice(new Splice(k.state(6, 300, 400), -800, 0));
        assertThat(withdrawn.total()).isEqualTo(700);
        assertThat(h.balance("alice")).isEqualTo(8_700 + 800);
        assertThat(escrow()).isEqualTo(700);
        assertThat(h.channels.events(0, 100, 0)).extracting(ChannelEvent::type).contains("spliced");

        // A state at the current total after the splice closes as usual.
        ChannelState s = k.state(7, 100, 600);
        h.channels.closeCooperative(k.id, s, k.coopA(s), k.coopB(s));
        assertThat(h.balance("alice")).isEqualTo(9_500 + 100);
        assertThat(h.balance("bob")).isEqualTo(9_800 + 600);
        assertThat(escrow()).isZero();
    }

    @Test
    void everyRefusalLeavesChannelAndMoneyAsTheyWere() throws Exception {
        Splice ok = new Splice(k.state(2, 900, 400), 300, 0);
        assertCode(() -> h.channels.splice(k.id, ok, k.signA.sign(ok.bytes()), k.signA.sign(ok.bytes())), "invalid_signature");
        assertCode(() -> h.channels.splice(k.id, ok, k.signA.sign(ok.state().bytes()), k.signB.sign(ok.state().bytes())),
                "invalid_signature");
        assertCode(() -> splice(new Splice(k.state(2, 900, 500), 300, 0)), "balance_mismatch");
        assertCode(() -> splice(new Splice(k.state(2, 0, 20_000), 0, 19_000)), "insufficient_funds"); // bob has 9,600
        Keys other = new Keys();
        Splice foreign = new Splice(other.state(2, 900, 400), 300, 0);
        assertCode(() -> splice(foreign), "claim_channel_mismatch");
        assertThat(h.balance("alice")).isEqualTo(9_400);
        assertThat(h.balance("bob")).isEqualTo(9_600);
        assertThat(h.channels.get(k.id).orElseThrow().total()).isEqualTo(1_000);

        splice(ok);
        assertCode(() -> splice(ok), "stale_state"); // a replayed splice never moves money twice
        assertCode(() -> splice(new Splice(k.state(1, 1_200, 400), 0, 300)), "stale_state");
        assertThat(h.balance("alice")).isEqualTo(9_100);
        assertThat(escrow()).isEqualTo(1_300);

        ChannelState s = k.state(5, 700, 600);
        h.channels.closeUnilateral(k.id, Party.A, k.signed(s), k.submit(Party.A, s));
        assertCode(() -> splice(new Splice(k.state(6, 700, 700), 0, 100)), "stale_state"); // in dispute
    }

    @Test
    void aStalePreSpliceStateIsPunishedWithNoMoreThanTheChannelHoldsNow() {
        ChannelState stale = k.state(1, 900, 100); // alice later revoked it
        splice(new Splice(k.state(3, 100, 400), -500, 0)); // alice withdrew 500: the channel holds 500
        assertThat(h.balance("alice")).isEqualTo(9_900);
        assertCode(() -> h.channels.closeCooperative(k.id, stale, k.coopA(stale), k.coopB(stale)), "stale_state");

        h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
        h.assertConserved();
        Channel punished = h.channels.disputeWithSecret(k.id, 1, k.secretA(1), "bob");
        assertThat(punished.settlement().reason()).isEqualTo("penalty");
        assertThat(punished.settlement().toB()).isEqualTo(500);
        assertThat(h.balance("bob")).isEqualTo(9_600 + 500);
        assertThat(h.balance("alice")).isEqualTo(9_900);
        assertThat(escrow()).isZero();
    }

    @Test
    void anUnpunishedPreSpliceBroadcastSettlesAtTheSplicedBalances() {
        ChannelState stale = k.state(1, 100, 900);
        splice(new Splice(k.state(3, 1_600, 400), 1_000, 0)); // alice topped up 1,000
        h.channels.closeUnilateral(k.id, Party.B, k.signed(stale), k.submit(Party.B, stale));
        h.advance(Duration.ofSeconds(3_601));
        assertThat(h.channels.tick()).isEqualTo(1);
        Channel settled = h.channels.get(k.id).orElseThrow();
        assertThat(settled.settlement().toA()).isEqualTo(1_600);
        assertThat(settled.settlement().toB()).isEqualTo(400);
        assertThat(h.balance("alice")).isEqualTo(10_000 - 600 - 1_000 + 1_600);
        assertThat(escrow()).isZero();
    }

    @Test
    void aSpliceSurvivesARestart() {
        splice(new Splice(k.state(2, 900, 300), 300, -100));
        h.restart();
        Channel c = h.channels.get(k.id).orElseThrow();
        assertThat(c.spliceNonce()).isEqualTo(2);
        assertThat(c.total()).isEqualTo(1_200);
        h.assertConserved();
        assertCode(() -> splice(new Splice(k.state(2, 900, 300), 300, -100)), "stale_state");
    }
}
