package dev.farthing.channel.protocol;

/** A {@link ChannelState} with both parties' Ed25519 signatures over {@link ChannelState#bytes()}. */
public record SignedState(ChannelState state, byte[] signatureA, byte[] signatureB) {

    public SignedState {
        if (state == null || signatureA == null || signatureB == null) {
            throw new IllegalArgumentException("state and both signatures are required");
        }
        signatureA = signatureA.clone();
        signatureB = signatureB.clone();
    }

    /** True only when both signatures verify under the given (current) signing keys. */
    public boolean verify(byte[] signingKeyA, byte[] signingKeyB) {
        byte[] msg = state.bytes();
        return SignatureCheck.verify(signingKeyA, msg, signatureA) && SignatureCheck.verify(signingKeyB, msg, signatureB);
    }
}
