package dev.farthing.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.DisputeRotation;
import dev.farthing.channel.protocol.Party;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.farthing.channels.OneWayChannelTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

/** Dispute keys rotate like signing keys; the old key may still submit the states it had signed for. */
class DisputeKeyRotationTest {
    @TempDir
    Path dir;
    Harness h;
    final Keys k = new Keys();
    final SoftwareSigner newDisputeA = Ed25519.generate(Keys.RANDOM);

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

    private Channel rotate(DisputeRotation r, SoftwareSigner dispute, SoftwareSigner signing) {
        return h.channels.rotateDisputeKey(k.id, r, dispute.sign(r.bytes()), signing.sign(r.bytes()));
    }

    @Test
    void rotationNeedsBothKeysAndTheNextCounter() {
        DisputeRotation r = new DisputeRotation(k.id, Party.A, 1, newDisputeA.publicKey(), 5);
        assertCode(() -> rotate(r, newDisputeA, k.signA), "invalid_signature");
        assertCode(() -> rotate(r, k.disputeA, k.signB), "invalid_signature");
        assertCode(() -> rotate(new DisputeRotation(k.id, Party.A, 2, newDisputeA.publicKey(), 5), k.disputeA, k.signA),
                "stale_rotation");
        assertCode(() -> rotate(new DisputeRotation(new Keys().id, Party.A, 1, newDisputeA.publicKey(), 5), k.disputeA, k.signA),
                "claim_channel_mismatch");
        Channel rotated = rotate(r, k.disputeA, k.signA);
        assertThat(rotated.keys().dispute(Party.A, rotated.terms())).isEqualTo(newDisputeA.publicKey());
        assertThat(rotated.keys().disputeRotations(Party.A)).isEqualTo(1);
        assertCode(() -> rotate(r, k.disputeA, k.signA), "stale_rotation"); // never replayed
        h.restart();
        assertThat(h.channels.get(k.id).orElseThrow().keys().dispute(Party.A, rotated.terms())).isEqualTo(newDisputeA.publicKey());
    }

    @Test
    void theOldKeyStillSubmitsStatesUpToItsBoundButNoNewerOnes() {
        rotate(new DisputeRotation(k.id, Party.A, 1, newDisputeA.publicKey(), 5), k.disputeA, k.signA);
        ChannelState newer = k.state(6, 500, 500);
        assertCode(() -> h.channels.closeUnilateral(k.id, Party.A, k.signed(newer), k.submit(Party.A, newer)), "retired_key");
        ChannelState old = k.state(5, 550, 450);
        Channel closing = h.channels.closeUnilateral(k.id, Party.A, k.signed(old), k.submit(Party.A, old));
        assertThat(closing.status()).isEqualTo(ChannelStatus.CLOSING);
        // Replacing it with the newer state during the window needs the new key.
        assertCode(() -> h.channels.disputeWithState(k.id, Party.A, k.signed(newer), k.submit(Party.A, newer), "alice"),
                "retired_key");
        Channel replaced = h.channels.disputeWithState(k.id, Party.A, k.signed(newer),
                newDisputeA.sign(CloseSubmission.bytes(Party.A, newer)), "alice");
        assertThat(replaced.closing().nonce()).isEqualTo(6);
    }

    @Test
    void signingKeyRotationAndArbitrationUseTheNewDisputeKey() {
        rotate(new DisputeRotation(k.id, Party.A, 1, newDisputeA.publicKey(), 0), k.disputeA, k.signA);
        SoftwareSigner newSigning = Ed25519.generate(Keys.RANDOM);
        var rotation = new dev.farthing.channel.protocol.Rotation(k.id, Party.A, 1, newSigning.publicKey());
        assertCode(() -> h.channels.rotate(k.id, rotation, k.signA.sign(rotation.bytes()), k.disputeA.sign(rotation.bytes())),
                "invalid_signature");
        h.channels.rotate(k.id, rotation, k.signA.sign(rotation.bytes()), newDisputeA.sign(rotation.bytes()));
        Arbitration ruling = new Arbitration(k.id, 300, 700);
        byte[][] old = {k.disputeA.sign(ruling.bytes()), k.disputeB.sign(ruling.bytes()), null};
        assertCode(() -> h.channels.arbitrate(k.id, ruling, old), "insufficient_signatures");
        byte[][] current = {newDisputeA.sign(ruling.bytes()), k.disputeB.sign(ruling.bytes()), null};
        assertThat(h.channels.arbitrate(k.id, ruling, current).status()).isEqualTo(ChannelStatus.CLOSED);
        assertThat(h.balance("bob")).isEqualTo(9_600 + 700);
    }
}
