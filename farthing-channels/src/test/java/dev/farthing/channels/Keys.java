package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.CooperativeClose;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.RevocationSecrets;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;

import java.security.SecureRandom;

/** Test key material for one two-way channel: signing, dispute and revocation seeds for A and B. */
final class Keys {
    static final SecureRandom RANDOM = new SecureRandom();
    final byte[] id = random32();
    SoftwareSigner signA = Ed25519.generate(RANDOM);
    SoftwareSigner signB = Ed25519.generate(RANDOM);
    final SoftwareSigner disputeA = Ed25519.generate(RANDOM);
    final SoftwareSigner disputeB = Ed25519.generate(RANDOM);
    final byte[] seedA = random32();
    final byte[] seedB = random32();

    static byte[] random32() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }

    ChannelState state(long nonce, long a, long b) {
        return new ChannelState(id, nonce, a, b, RevocationSecrets.hash(secretA(nonce)),
                RevocationSecrets.hash(secretB(nonce)));
    }

    SignedState signed(ChannelState s) {
        return new SignedState(s, signA.sign(s.bytes()), signB.sign(s.bytes()));
    }

    byte[] secretA(long nonce) {
        return RevocationSecrets.forState(seedA, nonce);
    }

    byte[] secretB(long nonce) {
        return RevocationSecrets.forState(seedB, nonce);
    }

    byte[] submit(Party by, ChannelState s) {
        return (by == Party.A ? disputeA : disputeB).sign(CloseSubmission.bytes(by, s));
    }

    byte[] coopA(ChannelState s) {
        return signA.sign(CooperativeClose.bytes(s));
    }

    byte[] coopB(ChannelState s) {
        return signB.sign(CooperativeClose.bytes(s));
    }

    OpenRequest open(String a, String b, long depositA, long depositB, long windowS) {
        return new OpenRequest(id, ChannelKind.TWO_WAY, a, b, depositA, depositB, "USD", signA.publicKey(),
                signB.publicKey(), disputeA.publicKey(), disputeB.publicKey(), null, windowS, 0);
    }
}
