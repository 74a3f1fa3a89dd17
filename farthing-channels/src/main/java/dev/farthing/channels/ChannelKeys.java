package dev.farthing.channels;

import dev.farthing.channel.protocol.Party;


/**
 * The signing keys now in force. One-way: {@code signingA} is the payer's claim key, {@code signingB} null.
 * Each rotation bumps the party's counter and remembers the retired key, so a state signed by it can be
 * refused with a precise code rather than a generic bad signature.
 */
public record ChannelKeys(byte[] signingA, byte[] signingB, long rotationsA, long rotationsB,
                          byte[] retiredA, byte[] retiredB, DisputeKeys disputes) {

    /** Keys at open: no rotation yet, dispute keys as in the terms. */
    static ChannelKeys opened(byte[] signingA, byte[] signingB) {
        return new ChannelKeys(signingA, signingB, 0, 0, null, null, null);
    }

    /** Party {@code p}'s dispute key now in force. */
    public byte[] dispute(Party p, ChannelTerms terms) {
        if (disputes != null) {
            return disputes.current(p);
        }
        return p == Party.A ? terms.disputeKeyA() : terms.disputeKeyB();
    }

    public long disputeRotations(Party p) {
        return disputes == null ? 0 : disputes.rotations(p);
    }

    /** The rotated-out dispute key that may still submit the state {@code nonce}, or null. */
    public byte[] retiredDisputeFor(Party p, long nonce) {
        return disputes != null && disputes.retired(p) != null && nonce <= disputes.retiredUpTo(p) ? disputes.retired(p) : null;
    }

    ChannelKeys withDisputeRotated(Party p, byte[] newKey, long oldKeyUpTo, ChannelTerms terms) {
        DisputeKeys d = disputes != null ? disputes : DisputeKeys.initial(terms);
        return new ChannelKeys(signingA, signingB, rotationsA, rotationsB, retiredA, retiredB, d.rotated(p, newKey, oldKeyUpTo));
    }

    public byte[] signing(Party p) {
        return p == Party.A ? signingA : signingB;
    }

    public long rotations(Party p) {
        return p == Party.A ? rotationsA : rotationsB;
    }

    /** The key this party rotated out last, or null. */
    public byte[] retired(Party p) {
        return p == Party.A ? retiredA : retiredB;
    }

    public ChannelKeys rotated(Party p, byte[] newKey) {
        return p == Party.A
                ? new ChannelKeys(newKey, signingB, rotationsA + 1, rotationsB, signingA, retiredB, disputes)
                : new ChannelKeys(signingA, newKey, rotationsA, rotationsB + 1, retiredA, signingB, disputes);
    }
}
