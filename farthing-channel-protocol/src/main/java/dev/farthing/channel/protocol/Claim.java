package dev.farthing.channel.protocol;

/**
 * A one-way channel claim, byte for byte the XRP Ledger's PayChan claim: the payer signs
 * {@code "CLM\0" ‖ channel id (32) ‖ amount (u64 big-endian)}, authorising a cumulative amount.
 * Amounts are Farthing minor units (XRPL drops for XRP); they are never negative.
 */
public record Claim(byte[] channelId, long amount) {
    public static final int LENGTH = 4 + 32 + 8;
    private static final byte[] PREFIX = Bytes.prefix("CLM\0");

    public Claim {
        channelId = Bytes.require32("channel id", channelId);
        if (amount < 0) {
            throw new IllegalArgumentException("claim amount must not be negative");
        }
    }

    public byte[] bytes() {
        return signable(channelId, amount);
    }

    /** The signed bytes without building a record (hot path). */
    public static byte[] signable(byte[] channelId32, long amount) {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(channelId32, 0, out, 4, 32);
        Bytes.putLong(out, 36, amount);
        return out;
    }

    public static Claim parse(byte[] bytes) {
        if (bytes.length != LENGTH || !java.util.Arrays.equals(bytes, 0, 4, PREFIX, 0, 4)) {
            throw new IllegalArgumentException("not a claim");
        }
        return new Claim(Bytes.slice(bytes, 4, 32), Bytes.getLong(bytes, 36));
    }

    public boolean verify(byte[] payerKey32, byte[] signature) {
        return SignatureCheck.verify(payerKey32, bytes(), signature);
    }
}
