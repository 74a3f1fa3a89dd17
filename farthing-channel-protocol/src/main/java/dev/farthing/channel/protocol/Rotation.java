package dev.farthing.channel.protocol;

/**
 * Replaces one party's signing key: {@code "FRK\0" ‖ channel id ‖ party (1 byte) ‖ counter (u64 BE) ‖ new key (32)}.
 * It must carry two signatures: the party's current (old) signing key AND its dispute key, so neither key
 * alone can hand the channel to an attacker. {@code counter} is the party's rotation count after this one
 * (1 for the first), so an old rotation can never be replayed.
 */
public record Rotation(byte[] channelId, Party party, long counter, byte[] newSigningKey) {
    public static final int LENGTH = 4 + 32 + 1 + 8 + 32;
    private static final byte[] PREFIX = Bytes.prefix("FRK\0");

    public Rotation {
        channelId = Bytes.require32("channel id", channelId);
        newSigningKey = Bytes.require32("new signing key", newSigningKey);
        if (party == null || counter < 1) {
            throw new IllegalArgumentException("party is required and counter must be at least 1");
        }
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(channelId, 0, out, 4, 32);
        out[36] = party.code();
        Bytes.putLong(out, 37, counter);
        System.arraycopy(newSigningKey, 0, out, 45, 32);
        return out;
    }

    public boolean verify(byte[] oldSigningKey, byte[] oldKeySignature, byte[] disputeKey, byte[] disputeSignature) {
        byte[] msg = bytes();
        return SignatureCheck.verify(oldSigningKey, msg, oldKeySignature)
                && SignatureCheck.verify(disputeKey, msg, disputeSignature);
    }
}
