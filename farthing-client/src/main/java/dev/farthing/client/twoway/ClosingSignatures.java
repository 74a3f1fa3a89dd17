package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.CooperativeClose;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.Rotation;
import dev.farthing.keys.Signer;

/** Signatures a party makes to end a two-way channel on the ledger, or to rotate its signing key. */
public final class ClosingSignatures {
    private ClosingSignatures() {
    }

    /** With the signing key, over {@code "FCC\0" ‖ state}: both parties' make a cooperative close. */
    public static byte[] cooperative(Signer signingKey, ChannelState state) {
        return signingKey.sign(CooperativeClose.bytes(state));
    }

    /** Both signatures a rotation needs: {old signing key, dispute key} over {@code Rotation.bytes()}. */
    public static byte[][] rotation(Rotation rotation, Signer oldSigningKey, Signer disputeKey) {
        byte[] msg = rotation.bytes();
        return new byte[][] {oldSigningKey.sign(msg), disputeKey.sign(msg)};
    }

    /** With the dispute key, over {@code "FCS\0" ‖ party ‖ state}: authenticates a unilateral close or dispute. */
    public static byte[] submission(Signer disputeKey, Party me, ChannelState state) {
        return disputeKey.sign(CloseSubmission.bytes(me, state));
    }
}
