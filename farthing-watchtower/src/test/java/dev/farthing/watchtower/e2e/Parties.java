package dev.farthing.watchtower.e2e;

import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.client.twoway.JusticeListener;
import dev.farthing.client.twoway.StateStore;
import dev.farthing.client.twoway.TwoWayChannel;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Wallet;

import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Alice (party A, honest) and Bob (party B, the cheater) with their wallets and SDK channel sides, and the
 * JSON the engine wants to open the channel and to take Bob's unilateral close.
 */
final class Parties {
    static final String WORDS_A = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    static final String WORDS_B = "letter advice cage absurd amount doctor acoustic avoid letter advice cage above";
    final Wallet alice = Wallet.fromMnemonic(WORDS_A, "");
    final Wallet bob = Wallet.fromMnemonic(WORDS_B, "");
    final byte[] channelId;
    final Path dir;
    TwoWayChannel a;
    TwoWayChannel b;

    Parties(byte[] channelId, Path dir) {
        this.channelId = channelId;
        this.dir = dir;
    }

    String idHex() {
        return hex(channelId);
    }

    String openJson(long depositA, long depositB, long windowS) {
        return "{\"id\":\"" + idHex() + "\",\"kind\":\"two_way\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":"
                + depositA + ",\"amount_b\":" + depositB + ",\"currency\":\"USD\",\"public_key\":\""
                + hex(alice.key(KeyFamily.SIGNING, 0).publicKey()) + "\",\"public_key_b\":\""
                + hex(bob.key(KeyFamily.SIGNING, 0).publicKey()) + "\",\"dispute_key_a\":\""
                + hex(alice.key(KeyFamily.DISPUTE, 0).publicKey()) + "\",\"dispute_key_b\":\""
                + hex(bob.key(KeyFamily.DISPUTE, 0).publicKey()) + "\",\"dispute_window_s\":" + windowS + "}";
    }

    /** Both sides open their SDK channel and sign state 0; Alice's revocations go to {@code aliceTower}. */
    void openOffLedger(long depositA, long depositB, JusticeListener aliceTower) {
        a = TwoWayChannel.open(config(Party.A, aliceTower), StateStore.open(dir.resolve("alice.state")));
        b = TwoWayChannel.open(config(Party.B, JusticeListener.NONE), StateStore.open(dir.resolve("bob.state")));
        byte[] sigA = a.signInitial(b.opening(), depositA, depositB);
        byte[] sigB = b.signInitial(a.opening(), depositA, depositB);
        a.completeInitial(sigB);
        b.completeInitial(sigA);
    }

    private TwoWayChannel.Config config(Party me, JusticeListener listener) {
        Wallet mine = me == Party.A ? alice : bob;
        Wallet theirs = me == Party.A ? bob : alice;
        return new TwoWayChannel.Config(channelId, me, mine.key(KeyFamily.SIGNING, 0),
                theirs.key(KeyFamily.SIGNING, 0).publicKey(), mine.channelSecretSeed(0), listener);
    }

    /** {@code payer} pays {@code amount} in one update; both flush and swap revocation secrets. */
    void pay(Party payer, long amount) {
        TwoWayChannel from = payer == Party.A ? a : b;
        TwoWayChannel to = payer == Party.A ? b : a;
        var tip = from.latest().state();
        long da = payer == Party.A ? -amount : amount;
        from.complete(to.accept(from.propose(tip.balanceA() + da, tip.balanceB() - da)));
        var fromA = a.flush();
        var fromB = b.flush();
        fromA.forEach(b::receive);
        fromB.forEach(a::receive);
    }

    /** Bob's unilateral close with {@code state}, signed by his dispute key. */
    String bobCloses(SignedState s) {
        var st = s.state();
        byte[] submitter = bob.key(KeyFamily.DISPUTE, 0).sign(CloseSubmission.bytes(Party.B, st));
        return "{\"by\":\"b\",\"state\":{\"nonce\":" + st.nonce() + ",\"balance_a\":" + st.balanceA()
                + ",\"balance_b\":" + st.balanceB() + ",\"revocation_hash_a\":\"" + hex(st.revocationHashA())
                + "\",\"revocation_hash_b\":\"" + hex(st.revocationHashB()) + "\"},\"signature_a\":\""
                + hex(s.signatureA()) + "\",\"signature_b\":\"" + hex(s.signatureB()) + "\",\"submitter_signature\":\""
                + hex(submitter) + "\"}";
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
