package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.SignedState;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Payload layouts of the state file's records. */
final class StateRecords {
    static final byte OPENING = 1;
    static final byte SIGNED = 2;
    static final byte SECRET = 3;
    private static final int SIG = 64;

    private StateRecords() {
    }

    /** The counterparty's opening hashes for states 0..AHEAD. */
    static byte[] opening(Messages.Opening peer) {
        ByteBuffer out = ByteBuffer.allocate(peer.hashes().length * 32);
        for (byte[] h : peer.hashes()) {
            out.put(h);
        }
        return out.array();
    }

    static Messages.Opening opening(byte[] payload) {
        byte[][] hashes = new byte[payload.length / 32][];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = Arrays.copyOfRange(payload, i * 32, i * 32 + 32);
        }
        return new Messages.Opening(hashes);
    }

    /** A fully signed state plus the counterparty's hash for {@code nonce + AHEAD} (zeros for state 0). */
    static byte[] signed(SignedState s, byte[] peerHashAhead) {
        return ByteBuffer.allocate(ChannelState.LENGTH + 2 * SIG + 32).put(s.state().bytes()).put(s.signatureA())
                .put(s.signatureB()).put(peerHashAhead).array();
    }

    static SignedState signedState(byte[] p) {
        ChannelState state = ChannelState.parse(Arrays.copyOf(p, ChannelState.LENGTH));
        int at = ChannelState.LENGTH;
        return new SignedState(state, Arrays.copyOfRange(p, at, at + SIG), Arrays.copyOfRange(p, at + SIG, at + 2 * SIG));
    }

    static byte[] signedHashAhead(byte[] p) {
        int at = ChannelState.LENGTH + 2 * SIG;
        return Arrays.copyOfRange(p, at, at + 32);
    }

    static byte[] secret(long nonce, byte[] secret) {
        return ByteBuffer.allocate(40).putLong(nonce).put(secret).array();
    }

    static long secretNonce(byte[] p) {
        return ByteBuffer.wrap(p).getLong();
    }

    static byte[] secretValue(byte[] p) {
        return Arrays.copyOfRange(p, 8, 40);
    }
}
