package dev.farthing.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.PayerClose;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random operations over one-way and two-way channels (valid and invalid, clock jumps, ticks and
 * restarts): after every step the escrow equals the channels' locked funds and no money appears or vanishes.
 */
class ConservationRandomTest {
    private static final String[] WALLETS = {"w0", "w1", "w2", "w3"};
    private static final long START = 1_000_000;
    @TempDir
    Path dir;

    private record OneWay(byte[] id, SoftwareSigner payer) {
    }

    @Test
    void moneyIsConservedAcrossEveryPath() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random rnd = new Random(seed);
        try (Harness h = new Harness(dir)) {
            for (String w : WALLETS) {
                h.wallet(w, START);
            }
            List<OneWay> oneWays = new ArrayList<>();
            List<Keys> twoWays = new ArrayList<>();
            for (int step = 0; step < 400; step++) {
                try {
                    step(h, rnd, oneWays, twoWays);
                } catch (ChannelException e) {
                    assertThat(e.code()).isNotEqualTo("unavailable");
                }
                if (step % 50 == 49) {
                    h.restart();
                }
                h.assertConserved();
                long total = 0;
                for (String w : WALLETS) {
                    total += h.balance(w);
                }
                total += h.channels.conservation().escrow("USD");
                assertThat(total).as("seed %d step %d", seed, step).isEqualTo(START * WALLETS.length);
            }
        }
    }

    private void step(Harness h, Random rnd, List<OneWay> oneWays, List<Keys> twoWays) {
        int op = rnd.nextInt(10);
        String a = WALLETS[rnd.nextInt(WALLETS.length)];
        String b = WALLETS[(List.of(WALLETS).indexOf(a) + 1 + rnd.nextInt(WALLETS.length - 1)) % WALLETS.length];
        switch (op) {
            case 0 -> {
                OneWay c = new OneWay(Keys.random32(), Ed25519.generate(Keys.RANDOM));
                long cancel = rnd.nextBoolean() ? 0 : h.ledger.now() + Duration.ofMinutes(1 + rnd.nextInt(120)).toNanos();
                oneWays.add(c);
                h.channels.open(new OpenRequest(c.id(), ChannelKind.ONE_WAY, a, b, 1 + rnd.nextInt(50_000), 0, "USD",
                        c.payer().publicKey(), null, null, null, (long) rnd.nextInt(3_600), null, cancel));
            }
            case 1 -> {
                Keys k = new Keys();
                twoWays.add(k);
                h.channels.open(k.open(a, b, 1 + rnd.nextInt(50_000), rnd.nextInt(50_000), rnd.nextInt(3_600)));
            }
            case 2, 3 -> oneWayOp(h, rnd, pick(rnd, oneWays));
            case 4, 5 -> twoWayOp(h, rnd, pick(rnd, twoWays));
            case 6 -> h.advance(Duration.ofSeconds(rnd.nextInt(2_000)));
            default -> h.channels.tick();
        }
    }

    private void oneWayOp(Harness h, Random rnd, OneWay c) {
        if (c == null || h.channels.get(c.id()).isEmpty()) {
            return;
        }
        Channel ch = h.channels.get(c.id()).orElseThrow();
        long amount = Math.max(1, ch.paid() + rnd.nextInt(20_000) - 2_000);
        byte[] sig = c.payer().sign(new Claim(c.id(), amount).bytes());
        switch (rnd.nextInt(5)) {
            case 0 -> h.channels.claim(c.id(), amount, rnd.nextInt(8) == 0 ? Keys.random32() : sig, null);
            case 1 -> h.channels.fund(c.id(), 1 + rnd.nextInt(5_000));
            case 2 -> h.channels.closeByPayer(c.id(), c.payer().sign(PayerClose.bytes(c.id())));
            case 3 -> h.channels.closeByPayee(c.id(), rnd.nextBoolean() ? null : amount, sig);
            default -> h.channels.claim(c.id(), amount, sig, null);
        }
    }

    private void twoWayOp(Harness h, Random rnd, Keys k) {
        if (k == null || h.channels.get(k.id).isEmpty()) {
            return;
        }
        Channel ch = h.channels.get(k.id).orElseThrow();
        long total = ch.total();
        long toA = total == 0 ? 0 : (long) (rnd.nextDouble() * total);
        long nonce = 1 + rnd.nextInt(20);
        ChannelState s = k.state(nonce, toA, total - toA);
        Party by = rnd.nextBoolean() ? Party.A : Party.B;
        switch (rnd.nextInt(5)) {
            case 0 -> h.channels.closeUnilateral(k.id, by, k.signed(s), k.submit(by, s));
            case 1 -> h.channels.disputeWithState(k.id, by, k.signed(s), k.submit(by, s), "random");
            case 2 -> {
                ChannelState closing = ch.closing();
                long n = closing == null ? nonce : closing.nonce();
                byte[] secret = ch.closingBy() == Party.B ? k.secretB(n) : k.secretA(n);
                h.channels.disputeWithSecret(k.id, n, rnd.nextInt(3) == 0 ? Keys.random32() : secret, "random");
            }
            case 3 -> h.channels.closeCooperative(k.id, s, k.coopA(s), k.coopB(s));
            default -> {
                Arbitration r = new Arbitration(k.id, toA, total - toA);
                byte[][] sigs = {k.disputeA.sign(r.bytes()), rnd.nextBoolean() ? k.disputeB.sign(r.bytes()) : null, null};
                h.channels.arbitrate(k.id, r, sigs);
            }
        }
    }

    private static <T> T pick(Random rnd, List<T> list) {
        return list.isEmpty() ? null : list.get(rnd.nextInt(list.size()));
    }
}
