package dev.farthing.channels;

import dev.farthing.channel.protocol.Party;


/**
 * The signing keys now in force. One-way: {@code signingA} is the payer's claim key, {@code signingB} null.
 * Each rotation bumps the party's counter and remembers the retired key, so a state signed by it can be
 * refused with a precise code rather than a generic bad signature.
 */
public record ChannelKeys(byte[] signingA, byte[] signingB, long rotationsA, long rotationsB,
                          byte[] retiredA, byte[] retiredB) {

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
                ? new ChannelKeys(newKey, signingB, rotationsA + 1, rotationsB, signingA, retiredB)
                : new ChannelKeys(signingA, newKey, rotationsA, rotationsB + 1, retiredA, signingB);
    }
}
