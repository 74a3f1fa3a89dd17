package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.Party;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Wallet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Two parties of one channel, each with its own wallet and state file, wired together in-process. */
final class ChannelPair {
    static final String WORDS_A = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    static final String WORDS_B = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";
    static final byte[] CHANNEL_ID = new byte[32];

    static {
        CHANNEL_ID[0] = 7;
    }

    final Wallet walletA = Wallet.fromMnemonic(WORDS_A, "");
    final Wallet walletB = Wallet.fromMnemonic(WORDS_B, "");
    final List<JusticeMaterial> justiceForA = new ArrayList<>();
    final List<JusticeMaterial> justiceForB = new ArrayList<>();
    final Path dir;
    TwoWayChannel a;
    TwoWayChannel b;

    ChannelPair(Path dir) {
        this.dir = dir;
    }

    TwoWayChannel.Config config(Party me) {
        Wallet mine = me == Party.A ? walletA : walletB;
        Wallet theirs = me == Party.A ? walletB : walletA;
        List<JusticeMaterial> sink = me == Party.A ? justiceForA : justiceForB;
        return new TwoWayChannel.Config(CHANNEL_ID, me, mine.key(KeyFamily.SIGNING, 0),
                theirs.key(KeyFamily.SIGNING, 0).publicKey(), mine.channelSecretSeed(0), sink::add);
    }

    ChannelPair open(long balanceA, long balanceB) {
        a = TwoWayChannel.open(config(Party.A), StateStore.open(dir.resolve("a.state")));
        b = TwoWayChannel.open(config(Party.B), StateStore.open(dir.resolve("b.state")));
        byte[] sigA = a.signInitial(b.opening(), balanceA, balanceB);
        byte[] sigB = b.signInitial(a.opening(), balanceA, balanceB);
        a.completeInitial(sigB);
        b.completeInitial(sigA);
        return this;
    }

    TwoWayChannel reopen(Party p, StateStore.Durability durability) {
        return TwoWayChannel.open(config(p), StateStore.open(dir.resolve(p == Party.A ? "a.state" : "b.state"), durability));
    }

    /** A pays B {@code amount} per update, {@code count} updates pipelined, then both flush and swap secrets. */
    void pay(long amount, int count) {
        for (int i = 0; i < count; i++) {
            var tip = a.latest().state();
            a.complete(b.accept(a.propose(tip.balanceA() - amount, tip.balanceB() + amount)));
        }
        exchangeRevocations();
    }

    void exchangeRevocations() {
        var fromA = a.flush();
        var fromB = b.flush();
        fromA.forEach(b::receive);
        fromB.forEach(a::receive);
    }
}
