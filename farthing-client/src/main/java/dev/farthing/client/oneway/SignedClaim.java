package dev.farthing.client.oneway;

import dev.farthing.channel.protocol.Claim;

/** A payer-signed XRPL claim: the cumulative {@code amount} the payee may redeem from {@code channelId}. */
public record SignedClaim(byte[] channelId, long amount, byte[] signature) {
    public SignedClaim {
        channelId = channelId.clone();
        signature = signature.clone();
    }

    /** The exact bytes signed: {@code "CLM\0" ‖ channel id ‖ amount u64 BE}. */
    public byte[] signedBytes() {
        return Claim.signable(channelId, amount);
    }
}
