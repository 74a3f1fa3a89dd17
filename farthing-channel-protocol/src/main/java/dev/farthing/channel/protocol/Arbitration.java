package dev.farthing.channel.protocol;

/**
 * A ruling that settles a two-way channel at fixed balances: {@code "FAR\0" ‖ channel id ‖ balance A ‖ balance B}.
 * Valid with signatures from any two distinct members of {payer (A's dispute key), payee (B's dispute key),
 * platform arbiter}; one signature is never enough.
 */
public record Arbitration(byte[] channelId, long balanceA, long balanceB) {
    public static final int LENGTH = 4 + 32 + 16;
    private static final byte[] PREFIX = Bytes.prefix("FAR\0");

    /** Who may sign a ruling. */
    public enum Signer { PAYER, PAYEE, ARBITER }

    public Arbitration {
        channelId = Bytes.require32("channel id", channelId);
        if (balanceA < 0 || balanceB < 0) {
            throw new IllegalArgumentException("balances must not be negative");
        }
        Math.addExact(balanceA, balanceB);
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(channelId, 0, out, 4, 32);
        Bytes.putLong(out, 36, balanceA);
        Bytes.putLong(out, 44, balanceB);
        return out;
    }

    /**
     * Counts the distinct signers whose signature verifies. {@code keys} and {@code signatures} are indexed by
     * {@link Signer#ordinal()}; a missing key or signature (null) counts as absent.
     */
    public int validSigners(byte[][] keys, byte[][] signatures) {
        byte[] msg = bytes();
        java.util.List<byte[]> counted = new java.util.ArrayList<>(3);
        for (Signer s : Signer.values()) {
            byte[] key = keys[s.ordinal()];
            byte[] sig = signatures[s.ordinal()];
            boolean repeatKey = counted.stream().anyMatch(k -> java.util.Arrays.equals(k, key));
            if (key != null && sig != null && !repeatKey && SignatureCheck.verify(key, msg, sig)) {
                counted.add(key); // one key held in two roles still counts once
            }
        }
        return counted.size();
    }

    public boolean approved(byte[][] keys, byte[][] signatures) {
        return validSigners(keys, signatures) >= 2;
    }
}
