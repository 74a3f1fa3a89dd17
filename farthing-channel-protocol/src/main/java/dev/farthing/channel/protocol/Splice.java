package dev.farthing.channel.protocol;

/**
 * A spliced state: a two-way state that also changes what the channel holds. {@link #bytes()} is
 * {@code "FSP\0" ‖ state bytes (124) ‖ changeA (i64 BE) ‖ changeB (i64 BE)}, and BOTH parties sign it with
 * their signing keys (besides signing the state itself, as for any update). A positive change is a top-up
 * from that party's wallet into escrow, a negative one a withdrawal from escrow to its wallet. The state's
 * balances must sum to the channel's total plus both changes; the state becomes the channel's new funding
 * baseline, and its nonce must exceed any earlier splice's, so one splice can never be applied twice.
 */
public record Splice(ChannelState state, long changeA, long changeB) {
    public static final int LENGTH = 4 + ChannelState.LENGTH + 16;
    private static final byte[] PREFIX = Bytes.prefix("FSP\0");

    public Splice {
        if (state == null) {
            throw new IllegalArgumentException("a splice needs its state");
        }
        if (changeA == 0 && changeB == 0) {
            throw new IllegalArgumentException("a splice must change the channel's total");
        }
        if (changeA == Long.MIN_VALUE || changeB == Long.MIN_VALUE) {
            throw new IllegalArgumentException("change out of range");
        }
        Math.addExact(changeA, changeB);
    }

    /** What the channel's total becomes, given what it holds now. */
    public long totalAfter(long totalBefore) {
        return Math.addExact(totalBefore, Math.addExact(changeA, changeB));
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(state.bytes(), 0, out, 4, ChannelState.LENGTH);
        Bytes.putLong(out, 4 + ChannelState.LENGTH, changeA);
        Bytes.putLong(out, 12 + ChannelState.LENGTH, changeB);
        return out;
    }

    /** True only when both signatures verify under the given (current) signing keys. */
    public boolean verify(byte[] signingKeyA, byte[] signatureA, byte[] signingKeyB, byte[] signatureB) {
        byte[] msg = bytes();
        return SignatureCheck.verify(signingKeyA, msg, signatureA) && SignatureCheck.verify(signingKeyB, msg, signatureB);
    }
}
