package dev.farthing.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.Rotation;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.farthing.channels.OneWayChannelTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

class TwoWayChannelTest {
    @TempDir
    Path dir;
    Harness h;
    final SoftwareSigner arbiter = Ed25519.generate(Keys.RANDOM);
    final Keys k = new Keys();

    @BeforeEach
    void setUp() {
        h = new Harness(dir, c -> c.withArbiterKey(arbiter.publicKey()));
        h.wallet("alice", 10_000);
        h.wallet("bob", 10_000);
        h.channels.open(k.open("alice", "bob", 600, 400, 3_600));
        assertThat(h.balance("alice")).isEqualTo(9_400);
    }

    @AfterEach
    void tearDown() {
        h.assertConserved();
        h.close();
    }

    @Test
    void cooperativeCloseSettlesAtOnce() {
        ChannelState s = k.state(5, 250, 750);
        assertCode(() -> h.channels.closeCooperative(k.id, s, k.signA.sign(s.bytes()), k.signB.sign(s.bytes())),
                "invalid_signature");
        h.channels.closeCooperative(k.id, s, k.coopA(s), k.coopB(s));
        assertThat(h.balance("alice")).isEqualTo(9_650);
        assertThat(h.balance("bob")).isEqualTo(10_350);
    }

    @Test
    void staleStateBroadcastIsPunished() {
        ChannelState stale = k.state(1, 900, 100);
        ChannelState latest = k.state(3, 200, 800);
        h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
        List<ChannelEvent> events = events();
        ChannelEvent started = events.getLast();
        assertThat(started.type()).isEqualTo("close_started");
        assertThat(started.commitment()).isEqualTo(stale.bytes());
        assertThat(started.nonce()).isEqualTo(1);
        // A cannot punish with B's secret (which it holds): the hash must be the submitter's.
        assertCode(() -> h.channels.disputeWithSecret(k.id, 1, k.secretB(1), "alice"), "revocation_mismatch");
        assertCode(() -> h.channels.disputeWithSecret(k.id, 3, k.secretA(3), "bob"), "revocation_mismatch");
        h.advance(Duration.ofMinutes(30));
        Channel punished = h.channels.disputeWithSecret(k.id, 1, k.secretA(1), "bob");
        assertThat(punished.settlement().reason()).isEqualTo("penalty");
        assertThat(h.balance("bob")).isEqualTo(10_600);
        assertThat(h.balance("alice")).isEqualTo(9_400);
        assertThat(latest.total()).isEqualTo(1_000);
    }

    @Test
    void higherNonceReplacesAndSettlesAfterTheWindow() {
        ChannelState old = k.state(2, 700, 300);
        ChannelState newer = k.state(4, 100, 900);
        h.channels.closeUnilateral(k.id, Party.A, k.signed(old), k.submit(Party.A, old));
        assertCode(() -> h.channels.disputeWithState(k.id, Party.B, k.signed(old), k.submit(Party.B, old), "bob"),
                "stale_state");
        h.channels.disputeWithState(k.id, Party.B, k.signed(newer), k.submit(Party.B, newer), "bob");
        assertThat(events().getLast().type()).isEqualTo("state_replaced");
        h.advance(Duration.ofSeconds(3_599));
        assertThat(h.channels.tick()).isZero();
        h.advance(Duration.ofSeconds(2));
        assertThat(h.channels.tick()).isEqualTo(1);
        assertCode(() -> h.channels.disputeWithSecret(k.id, 4, k.secretB(4), "alice"), "channel_closed");
        assertThat(h.balance("alice")).isEqualTo(9_500);
        assertThat(h.balance("bob")).isEqualTo(10_500);
    }

    @Test
    void disputeAfterTheWindowIsRefused() {
        ChannelState stale = k.state(1, 900, 100);
        h.channels.closeUnilateral(k.id, Party.A, k.signed(stale), k.submit(Party.A, stale));
        h.advance(Duration.ofHours(1).plusSeconds(1));
        assertCode(() -> h.channels.disputeWithSecret(k.id, 1, k.secretA(1), "bob"), "channel_expired");
        h.channels.tick();
        assertThat(h.balance("alice")).isEqualTo(10_300);
    }

    @Test
    void forgedSubmitterIsRefused() {
        ChannelState s = k.state(1, 900, 100);
        // A claims B submitted (so that A could use B's secret): needs B's dispute key.
        assertCode(() -> h.channels.closeUnilateral(k.id, Party.B, k.signed(s), k.submit(Party.A, s)), "invalid_signature");
        SignedState oneSig = new SignedState(s, k.signA.sign(s.bytes()), k.signA.sign(s.bytes()));
        assertCode(() -> h.channels.closeUnilateral(k.id, Party.A, oneSig, k.submit(Party.A, s)), "invalid_signature");
        ChannelState wrongTotal = k.state(1, 900, 200);
        assertCode(() -> h.channels.closeUnilateral(k.id, Party.A, k.signed(wrongTotal), k.submit(Party.A, wrongTotal)),
                "balance_mismatch");
    }

    @Test
    void keyRotationMidChannelRetiresTheOldKey() {
        SoftwareSigner oldA = k.signA;
        SoftwareSigner newA = Ed25519.generate(Keys.RANDOM);
        Rotation r = new Rotation(k.id, Party.A, 1, newA.publicKey());
        assertCode(() -> h.channels.rotate(k.id, r, oldA.sign(r.bytes()), oldA.sign(r.bytes())), "invalid_signature");
        h.channels.rotate(k.id, r, oldA.sign(r.bytes()), k.disputeA.sign(r.bytes()));
        assertCode(() -> h.channels.rotate(k.id, r, newA.sign(r.bytes()), k.disputeA.sign(r.bytes())), "stale_rotation");
        ChannelState s = k.state(7, 500, 500);
        assertCode(() -> h.channels.closeUnilateral(k.id, Party.B, k.signed(s), k.submit(Party.B, s)), "retired_key");
        k.signA = newA;
        h.channels.closeUnilateral(k.id, Party.B, k.signed(s), k.submit(Party.B, s));
        assertThat(h.channels.get(k.id).orElseThrow().keys().rotationsA()).isEqualTo(1);
    }

    @Test
    void arbitrationSettlesWithAnyPairAndRefusesOne() {
        Arbitration ruling = new Arbitration(k.id, 450, 550);
        byte[] m = ruling.bytes();
        byte[][] all = {k.disputeA.sign(m), k.disputeB.sign(m), arbiter.sign(m)};
        for (int only = 0; only < 3; only++) {
            byte[][] one = new byte[3][];
            one[only] = all[only];
            assertCode(() -> h.channels.arbitrate(k.id, ruling, one), "insufficient_signatures");
        }
        byte[][] forgedPair = {all[0], arbiter.sign(new Arbitration(k.id, 1_000, 0).bytes()), null};
        assertCode(() -> h.channels.arbitrate(k.id, ruling, forgedPair), "insufficient_signatures");
        byte[][] pair = {null, all[1], all[2]};
        h.channels.arbitrate(k.id, ruling, pair);
        assertThat(h.balance("alice")).isEqualTo(9_850);
        assertThat(h.balance("bob")).isEqualTo(10_150);
    }

    @Test
    void everyPairOfArbitersWorks() {
        for (int skip = 0; skip < 3; skip++) {
            Keys kk = new Keys();
            h.channels.open(kk.open("alice", "bob", 100, 100, 60));
            ChannelState s = kk.state(1, 150, 50);
            h.channels.closeUnilateral(kk.id, Party.A, kk.signed(s), kk.submit(Party.A, s));
            Arbitration ruling = new Arbitration(kk.id, 20, 180);
            byte[] m = ruling.bytes();
            byte[][] sigs = {kk.disputeA.sign(m), kk.disputeB.sign(m), arbiter.sign(m)};
            sigs[skip] = null;
            Channel c = h.channels.arbitrate(kk.id, ruling, sigs);
            assertThat(c.settlement().reason()).isEqualTo("arbitration");
            assertThat(c.settlement().toB()).isEqualTo(180);
        }
    }

    private List<ChannelEvent> events() {
        try {
            return h.channels.events(0, 1000, 0);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
