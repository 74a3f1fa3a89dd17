package dev.farthing.channel.protocol;

/**
 * Both parties' agreement to settle a two-way channel at {@code state} now: {@code "FCC\0" ‖ state bytes}.
 * A distinct message from the state itself, so an ordinary (later revoked) state can never close a channel
 * without a dispute window.
 */
public final class CooperativeClose {
    private static final byte[] PREFIX = Bytes.prefix("FCC\0");

    private CooperativeClose() {
    }

    public static byte[] bytes(ChannelState state) {
        byte[] s = state.bytes();
        byte[] out = new byte[4 + s.length];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        System.arraycopy(s, 0, out, 4, s.length);
        return out;
    }

    public static boolean verify(ChannelState state, byte[] keyA, byte[] sigA, byte[] keyB, byte[] sigB) {
        byte[] msg = bytes(state);
        return SignatureCheck.verify(keyA, msg, sigA) && SignatureCheck.verify(keyB, msg, sigB);
    }
}
