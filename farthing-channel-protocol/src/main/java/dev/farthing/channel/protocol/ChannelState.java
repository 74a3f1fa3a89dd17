package dev.farthing.channel.protocol;

import java.util.Arrays;

/**
 * One state of a two-way channel. {@link #bytes()} is
 * {@code "FST\0" ‖ id(32) ‖ nonce ‖ balanceA ‖ balanceB (u64 BE each) ‖ revocationHashA(32) ‖ revocationHashB(32)}
 * (124 bytes). That byte string is what both parties sign and it IS the state commitment a watchtower hashes.
 * {@code revocationHashX} = SHA-256 of party X's revocation secret for this state.
 */
public record ChannelState(byte[] channelId, long nonce, long balanceA, long balanceB,
                           byte[] revocationHashA, byte[] revocationHashB) {
    public static final int LENGTH = 4 + 32 + 8 * 3 + 32 + 32;
    private static final byte[] PREFIX = Bytes.prefix("FST\0");

    public ChannelState {
        channelId = Bytes.require32("channel id", channelId);
        revocationHashA = Bytes.require32("revocation hash A", revocationHashA);
        revocationHashB = Bytes.require32("revocation hash B", revocationHashB);
        if (nonce < 0 || balanceA < 0 || balanceB < 0) {
            throw new IllegalArgumentException("nonce and balances must not be negative");
        }
        Math.addExact(balanceA, balanceB);
    }

    public long total() {
        return balanceA + balanceB;
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(channelId, 0, out, 4, 32);
        Bytes.putLong(out, 36, nonce);
        Bytes.putLong(out, 44, balanceA);
        Bytes.putLong(out, 52, balanceB);
        System.arraycopy(revocationHashA, 0, out, 60, 32);
        System.arraycopy(revocationHashB, 0, out, 92, 32);
        return out;
    }

    /** Parses {@link #bytes()}; IllegalArgumentException for a wrong length or prefix. */
    public static ChannelState parse(byte[] b) {
        if (b == null || b.length != LENGTH || !Arrays.equals(b, 0, 4, PREFIX, 0, 4)) {
            throw new IllegalArgumentException("not a channel state (" + LENGTH + " bytes starting FST\\0)");
        }
        return new ChannelState(Bytes.slice(b, 4, 32), Bytes.getLong(b, 36), Bytes.getLong(b, 44),
                Bytes.getLong(b, 52), Bytes.slice(b, 60, 32), Bytes.slice(b, 92, 32));
    }

    /** SHA-256 of the commitment. */
    public byte[] commitmentHash() {
        return Bytes.sha256(bytes());
    }

    public boolean sameAs(ChannelState o) {
        return Arrays.equals(bytes(), o.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelState s && sameAs(s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }

    @Override
    public String toString() {
        return "ChannelState[nonce=" + nonce + ", a=" + balanceA + ", b=" + balanceB + "]";
    }
}
