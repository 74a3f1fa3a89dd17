package dev.farthing.watchtower.blob;

import dev.farthing.channel.protocol.Party;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the tower needs to punish one revoked state, sealed inside a justice blob: the channel, the revoked
 * state's nonce, the revocation secret that proves it was revoked, and which party the penalty pays.
 */
public record JusticePayload(byte[] channelId, long revokedNonce, byte[] revocationSecret, Party payTo) {
    public static final int CHANNEL_ID_LENGTH = 32;
    public static final int SECRET_LENGTH = 32;

    public JusticePayload {
        Objects.requireNonNull(payTo, "payTo");
        if (channelId == null || channelId.length != CHANNEL_ID_LENGTH) {
            throw new IllegalArgumentException("channel id must be 32 bytes");
        }
        if (revocationSecret == null || revocationSecret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException("revocation secret must be 32 bytes");
        }
        if (revokedNonce < 0) {
            throw new IllegalArgumentException("revoked nonce must be >= 0: " + revokedNonce);
        }
        channelId = channelId.clone();
        revocationSecret = revocationSecret.clone();
    }

    @Override
    public byte[] channelId() {
        return channelId.clone();
    }

    @Override
    public byte[] revocationSecret() {
        return revocationSecret.clone();
    }

    public String channelIdHex() {
        return HexFormat.of().formatHex(channelId);
    }

    public String revocationSecretHex() {
        return HexFormat.of().formatHex(revocationSecret);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JusticePayload p && revokedNonce == p.revokedNonce && payTo == p.payTo
                && Arrays.equals(channelId, p.channelId) && Arrays.equals(revocationSecret, p.revocationSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(channelId), revokedNonce, payTo);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "JusticePayload[channel=" + channelIdHex() + ", revokedNonce=" + revokedNonce + ", payTo=" + payTo + "]";
    }
}
