package dev.farthing.channel.protocol;

/**
 * Who is putting a two-way state on the ledger: {@code "FCS\0" ‖ party (1 byte) ‖ state bytes}, signed by that
 * party's dispute key. It authenticates the submitter of a unilateral close or of a replacing higher-nonce
 * state, because the penalty checks the revocation secret against the SUBMITTER's revocation hash: without
 * it a cheater could name the honest party as submitter and use the honest party's revealed secret.
 */
public final class CloseSubmission {
    private static final byte[] PREFIX = Bytes.prefix("FCS\0");

    private CloseSubmission() {
    }

    public static byte[] bytes(Party party, ChannelState state) {
        byte[] s = state.bytes();
        byte[] out = new byte[5 + s.length];
        System.arraycopy(PREFIX, 0, out, 0, 4);
        out[4] = party.code();
        System.arraycopy(s, 0, out, 5, s.length);
        return out;
    }

    public static boolean verify(Party party, ChannelState state, byte[] disputeKey, byte[] signature) {
        return SignatureCheck.verify(disputeKey, bytes(party, state), signature);
    }
}
