package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded: two-way channel opens, off-ledger updates, top-ups and withdrawals (splices), cooperative closes,
 * stale broadcasts punished by penalty, mixed with a hostile operator: plain transfers out of escrow, replayed
 * splices, replayed penalties and stale cooperative closes. After every step conservation holds; no hostile step
 * moves escrow or any wallet. Prints its seed; {@code -Dfarthing.seed=N} reproduces a run.
 */
class TwoWayHostileRandomTest {
    private static final String ESCROW = "channels.escrow.USD";
    @TempDir
    Path dir;

    /** One channel as its parties see it: the latest state both signed and the last splice (for replays). */
    private static final class Live {
        final Keys k = new Keys();
        long nonce;
        long a;
        long b;
        Splice lastSplice;
    }

    @Test
    void conservationHoldsAndNoHostileStepMovesEscrow() {
        long seed = Long.getLong("farthing.seed", new Random().nextLong());
        System.out.println("TwoWayHostileRandomTest: seed=" + seed + "   (replay with -Dfarthing.seed=" + seed + ")");
        Random rnd = new Random(seed);
        List<Live> open = new ArrayList<>();
        List<Live> closed = new ArrayList<>();
        int hostile = 0;
        try (Harness h = new Harness(dir)) {
            h.wallet("alice", 100_000_000);
            h.wallet("bob", 100_000_000);
            h.wallet("operator", 0);
            for (int step = 0; step < 250; step++) {
                String ctx = "seed=" + seed + " step=" + step;
                if (open.isEmpty() || rnd.nextInt(3) > 0) {
                    channelStep(h, rnd, open, closed);
                } else {
                    hostile++;
                    long escrow = h.balance(ESCROW);
                    long[] wallets = {h.balance("alice"), h.balance("bob"), h.balance("operator")};
                    hostileStep(h, rnd, open, closed, "h" + step, ctx);
                    assertThat(h.balance(ESCROW)).as(ctx + " escrow unchanged by a hostile step").isEqualTo(escrow);
                    assertThat(new long[] {h.balance("alice"), h.balance("bob"), h.balance("operator")}).as(ctx).isEqualTo(wallets);
                }
                h.assertConserved();
                long locked = 0;
                for (Live l : open) {
                    locked += h.channels.get(l.k.id).orElseThrow().locked();
                }
                assertThat(h.balance(ESCROW)).as(ctx + " escrow equals the open channels' funds").isEqualTo(locked);
            }
        }
        assertThat(hostile).isPositive();
    }

    private static void channelStep(Harness h, Random rnd, List<Live> open, List<Live> closed) {
        int pick = open.isEmpty() ? 0 : rnd.nextInt(6);
        if (pick == 0) {
            Live l = new Live();
            l.a = 1 + rnd.nextInt(10_000);
            l.b = rnd.nextInt(10_000);
            h.channels.open(l.k.open("alice", "bob", l.a, l.b, 3_600));
            open.add(l);
            return;
        }
        Live l = open.get(rnd.nextInt(open.size()));
        long total = l.a + l.b;
        switch (pick) {
            case 1, 2 -> { // an off-ledger update: the ledger never sees it
                long a = rnd.nextLong(total + 1);
                l.nonce++;
                l.a = a;
                l.b = total - a;
            }
            case 3 -> { // top up or partly withdraw
                long changeA = rnd.nextBoolean() ? rnd.nextInt(5_000) : -rnd.nextLong(l.a + 1);
                long changeB = rnd.nextBoolean() ? rnd.nextInt(5_000) : -rnd.nextLong(l.b + 1);
                if (changeA + changeB == 0 || total + changeA + changeB <= 0) {
                    return;
                }
                l.nonce++;
                l.a += changeA;
                l.b += changeB;
                Splice s = new Splice(l.k.state(l.nonce, l.a, l.b), changeA, changeB);
                h.channels.splice(l.k.id, s, l.k.signA.sign(s.bytes()), l.k.signB.sign(s.bytes()));
                l.lastSplice = s;
            }
            case 4 -> {
                ChannelState s = l.k.state(l.nonce, l.a, l.b);
                h.channels.closeCooperative(l.k.id, s, l.k.coopA(s), l.k.coopB(s));
                open.remove(l);
                closed.add(l);
            }
            default -> { // a cheater broadcasts a revoked (possibly pre-splice) state; the other side punishes
                if (l.nonce == 0) {
                    return;
                }
                long staleNonce = rnd.nextLong(l.nonce);
                Party cheater = rnd.nextBoolean() ? Party.A : Party.B;
                ChannelState stale = l.k.state(staleNonce, l.a + l.b, 0);
                h.channels.closeUnilateral(l.k.id, cheater, l.k.signed(stale), l.k.submit(cheater, stale));
                h.assertConserved();
                byte[] secret = cheater == Party.A ? l.k.secretA(staleNonce) : l.k.secretB(staleNonce);
                Channel punished = h.channels.disputeWithSecret(l.k.id, staleNonce, secret, "watchtower");
                long held = h.channels.get(l.k.id).orElseThrow().total();
                assertThat(punished.settlement().toA() + punished.settlement().toB()).isEqualTo(held);
                open.remove(l);
                closed.add(l);
            }
        }
    }

    /** A refused hostile command: nothing moves. */
    private static void hostileStep(Harness h, Random rnd, List<Live> open, List<Live> closed, String id, String ctx) {
        Live l = open.get(rnd.nextInt(open.size()));
        switch (rnd.nextInt(5)) {
            case 0 -> assertThat(h.ledger.createTransfer(NewTransfer.simple(id, ESCROW, "operator", 1 + rnd.nextInt(100_000),
                    "USD")).join().error()).as(ctx).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            case 1 -> {
                if (l.lastSplice != null) {
                    Splice s = l.lastSplice;
                    refused(() -> h.channels.splice(l.k.id, s, l.k.signA.sign(s.bytes()), l.k.signB.sign(s.bytes())), ctx);
                }
            }
            case 2 -> { // a splice signed by one party only
                Splice s = new Splice(l.k.state(l.nonce + 1, l.a + 1_000, l.b), 1_000, 0);
                refused(() -> h.channels.splice(l.k.id, s, l.k.signA.sign(s.bytes()), l.k.signA.sign(s.bytes())), ctx);
            }
            case 3 -> {
                if (!closed.isEmpty()) { // a replayed penalty or close on a closed channel
                    Live c = closed.get(rnd.nextInt(closed.size()));
                    ChannelState s = c.k.state(c.nonce, c.a, c.b);
                    refused(() -> h.channels.closeCooperative(c.k.id, s, c.k.coopA(s), c.k.coopB(s)), ctx);
                    refused(() -> h.channels.disputeWithSecret(c.k.id, 0, c.k.secretA(0), "operator"), ctx);
                }
            }
            default -> { // a state that pays more than the channel holds
                ChannelState s = l.k.state(l.nonce + 1, l.a + l.b + 1, 0);
                refused(() -> h.channels.closeCooperative(l.k.id, s, l.k.coopA(s), l.k.coopB(s)), ctx);
            }
        }
    }

    private static void refused(Runnable r, String ctx) {
        try {
            r.run();
        } catch (ChannelException e) {
            return;
        }
        throw new AssertionError(ctx + ": a hostile channel command was accepted");
    }
}
