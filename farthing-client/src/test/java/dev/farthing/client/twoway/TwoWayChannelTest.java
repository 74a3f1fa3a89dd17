package dev.farthing.client.twoway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.RevocationSecrets;
import dev.farthing.keys.Ed25519;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoWayChannelTest {
    @TempDir
    Path dir;

    @Test
    void updatesSettleAndEveryRevokedStateReachesTheJusticeHook() {
        ChannelPair pair = new ChannelPair(dir).open(1_000, 0);
        pair.pay(3, 40);
        ChannelState latest = pair.a.latest().state();
        assertThat(latest.nonce()).isEqualTo(40);
        assertThat(latest.balanceA()).isEqualTo(880);
        assertThat(latest.balanceB()).isEqualTo(120);
        assertThat(pair.b.latest().state()).isEqualTo(latest);
        assertThat(pair.a.latest().verify(pair.walletA.key(dev.farthing.keys.KeyFamily.SIGNING, 0).publicKey(),
                pair.walletB.key(dev.farthing.keys.KeyFamily.SIGNING, 0).publicKey())).isTrue();
        // Each side holds the other's secret for states 0..39 and handed each to its watchtower hook.
        assertThat(pair.justiceForA).hasSize(40);
        assertThat(pair.justiceForB).hasSize(40);
        JusticeMaterial m = pair.justiceForA.get(17);
        assertThat(m.revokedNonce()).isEqualTo(17);
        assertThat(m.payTo()).isEqualTo(Party.A);
        assertThat(RevocationSecrets.hash(m.revocationSecret())).isEqualTo(ChannelState.parse(m.commitment()).revocationHashB());
        assertThat(pair.a.peerSecretFor(5)).isEqualTo(RevocationSecrets.forState(pair.walletB.channelSecretSeed(0), 5));
        assertThat(pair.a.peerSecretFor(40)).isNull();
    }

    @Test
    void forgedOrNonConservingOrReplayedUpdatesAreRefusedWithCodes() {
        ChannelPair pair = new ChannelPair(dir).open(500, 500);
        Messages.Update good = pair.a.propose(400, 600);
        Messages.Update forged = new Messages.Update(good.state(), Ed25519.generate(new SecureRandom()).sign(good.state().bytes()), good.hashAhead());
        assertThatThrownBy(() -> pair.b.accept(forged)).isInstanceOfSatisfying(ChannelProtocolException.class,
                e -> assertThat(e.code()).isEqualTo("bad_signature"));
        assertThatThrownBy(() -> pair.a.propose(400, 601)).isInstanceOfSatisfying(ChannelProtocolException.class,
                e -> assertThat(e.code()).isEqualTo("balance_not_conserved"));
        pair.a.complete(pair.b.accept(good));
        assertThatThrownBy(() -> pair.b.accept(good)).isInstanceOfSatisfying(ChannelProtocolException.class,
                e -> assertThat(e.code()).isEqualTo("wrong_nonce"));
        assertThatThrownBy(() -> pair.a.propose(-1, 1001)).isInstanceOfSatisfying(ChannelProtocolException.class,
                e -> assertThat(e.code()).isEqualTo("negative_balance"));
    }

    @Test
    void wrongRevocationSecretIsRefused() {
        ChannelPair pair = new ChannelPair(dir).open(500, 500);
        pair.a.complete(pair.b.accept(pair.a.propose(450, 550)));
        var fromA = pair.a.flush();
        assertThat(fromA).hasSize(1);
        byte[] bad = fromA.get(0).secret().clone();
        bad[0] ^= 1;
        assertThatThrownBy(() -> pair.b.receive(new Messages.Revocation(ChannelPair.CHANNEL_ID, 0, bad)))
                .isInstanceOfSatisfying(ChannelProtocolException.class, e -> assertThat(e.code()).isEqualTo("bad_revocation_secret"));
        pair.b.receive(fromA.get(0));
        pair.b.receive(fromA.get(0)); // a duplicate is harmless
        assertThat(pair.justiceForB).hasSize(1);
    }

    @Test
    void randomisedPaymentsBothWaysConserveMoney() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        ChannelPair pair = new ChannelPair(dir).open(10_000, 10_000);
        for (int round = 0; round < 30; round++) {
            TwoWayChannel payer = random.nextBoolean() ? pair.a : pair.b;
            TwoWayChannel payee = payer == pair.a ? pair.b : pair.a;
            int updates = 1 + random.nextInt(20);
            for (int i = 0; i < updates; i++) {
                ChannelState tip = payer.latest().state();
                long amount = random.nextLong(0, 50);
                long toB = payer == pair.a ? amount : -amount;
                if (tip.balanceA() - toB < 0 || tip.balanceB() + toB < 0) {
                    continue;
                }
                payer.complete(payee.accept(payer.propose(tip.balanceA() - toB, tip.balanceB() + toB)));
            }
            pair.exchangeRevocations();
            assertThat(pair.a.latest().state().total()).isEqualTo(20_000);
            assertThat(pair.a.latest().state()).isEqualTo(pair.b.latest().state());
        }
    }
}
