package dev.farthing.channels;

import dev.farthing.channel.protocol.Party;

/**
 * Both parties' dispute keys after at least one dispute-key rotation (before any, a channel has none of this
 * object and uses the keys in its terms, so an unrotated channel pays nothing for it). Each party keeps the
 * key it rotated out last together with the highest state nonce that key may still submit.
 */
public record DisputeKeys(byte[] currentA, byte[] currentB, long rotationsA, long rotationsB,
                          byte[] retiredA, byte[] retiredB, long retiredUpToA, long retiredUpToB) {

    static DisputeKeys initial(ChannelTerms terms) {
        return new DisputeKeys(terms.disputeKeyA(), terms.disputeKeyB(), 0, 0, null, null, -1, -1);
    }

    public byte[] current(Party p) {
        return p == Party.A ? currentA : currentB;
    }

    public long rotations(Party p) {
        return p == Party.A ? rotationsA : rotationsB;
    }

    public byte[] retired(Party p) {
        return p == Party.A ? retiredA : retiredB;
    }

    public long retiredUpTo(Party p) {
        return p == Party.A ? retiredUpToA : retiredUpToB;
    }

    DisputeKeys rotated(Party p, byte[] newKey, long oldKeyUpTo) {
        return p == Party.A
                ? new DisputeKeys(newKey, currentB, rotationsA + 1, rotationsB, currentA, retiredB, oldKeyUpTo, retiredUpToB)
                : new DisputeKeys(currentA, newKey, rotationsA, rotationsB + 1, retiredA, currentB, retiredUpToA, oldKeyUpTo);
    }
}
