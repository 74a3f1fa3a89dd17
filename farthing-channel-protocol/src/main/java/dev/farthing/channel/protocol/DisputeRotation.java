package dev.farthing.channel.protocol;

/**
 * Replaces one party's dispute key: {@code "FRD\0" ‖ channel id ‖ party (1) ‖ counter (u64 BE) ‖ new key (32) ‖
 * oldKeyUpTo (u64 BE)}. Like a signing-key {@link Rotation} it needs two signatures, by the party's current
 * dispute key AND its current signing key, so neither key alone can take the channel. {@code counter} is the
 * party's dispute-key rotation count after this one (1 for the first): an old rotation is never replayed.
 * The old key keeps the authority to submit (close with or dispute with) states of nonce up to
 * {@code oldKeyUpTo}, the states it may already have signed submissions for; newer states need the new key.
 */
public record DisputeRotation(byte[] channelId, Party party, long counter, byte[] newDisputeKey, long oldKeyUpTo) {
    public static final int LENGTH = 4 + 32 + 1 + 8 + 32 + 8;
    private static final byte[] PREFIX = Bytes.prefix("FRD\0");

    public DisputeRotation {
        channelId = Bytes.require32("channel id", channelId);
        newDisputeKey = Bytes.require32("new dispute key", newDisputeKey);
        if (party == null || counter < 1 || oldKeyUpTo < 0) {
            throw new IllegalArgumentException("party is required, counter must be at least 1 and old_key_up_to not negative");
        }
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(channelId, 0, out, 4, 32);
        out[36] = party.code();
        Bytes.putLong(out, 37, counter);
        System.arraycopy(newDisputeKey, 0, out, 45, 32);
        Bytes.putLong(out, 77, oldKeyUpTo);
        return out;
    }

    public boolean verify(byte[] oldDisputeKey, byte[] disputeSignature, byte[] signingKey, byte[] signingSignature) {
        byte[] msg = bytes();
        return SignatureCheck.verify(oldDisputeKey, msg, disputeSignature)
                && SignatureCheck.verify(signingKey, msg, signingSignature);
    }
}
