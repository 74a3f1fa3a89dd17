package dev.farthing.channels;

import dev.farthing.channel.protocol.Claim;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Ed25519Verifier;

/**
 * Claim signature checks on the hot path: the payer's key is decoded once per channel and cached in its slot
 * (a one-way channel's key never changes), so each claim costs one strict Ed25519 verification.
 */
final class ClaimVerifiers {
    private ClaimVerifiers() {
    }

    static boolean verify(ChannelBook.Slot slot, Channel c, long amount, byte[] signature) {
        Ed25519Verifier v = slot.claimVerifier;
        if (v == null) {
            try {
                v = Ed25519.verifier(c.keys().signingA());
            } catch (IllegalArgumentException e) {
                return false;
            }
            slot.claimVerifier = v;
        }
        return v.verify(Claim.signable(c.terms().id(), amount), signature);
    }
}
