package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.RevocationSecrets;
import dev.farthing.channel.protocol.RevocationStore;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * The counterparty's side of revocation, for {@link TwoWayChannel}: the states it has signed and not yet
 * revoked, and the secrets it revoked them with, received strictly in order, each checked against the revoked
 * state's hash and the BOLT 3 chain before it is kept. Not thread-safe: the channel's thread only.
 */
final class PeerRevocations {
    private final HashWindow hashes;
    private final RevocationStore secrets = new RevocationStore();
    private final TreeMap<Long, ChannelState> unrevoked = new TreeMap<>();
    private long revokedBelow;

    PeerRevocations(HashWindow hashes) {
        this.hashes = hashes;
    }

    /** A state both parties signed: the counterparty owes its revocation once a later one exists. */
    void track(ChannelState s) {
        unrevoked.put(s.nonce(), s);
    }

    /** Every state below this nonce is revoked. */
    long revokedBelow() {
        return revokedBelow;
    }

    /** The secret revoking state {@code nonce}, or null when not (yet) revoked. */
    byte[] secretFor(long nonce) {
        return nonce < revokedBelow ? secrets.secretForState(nonce) : null;
    }

    /**
     * Checks and keeps the secret of {@code r}, which must revoke the oldest unrevoked state below
     * {@code latest} (null before opening); returns the state it revokes, or null for a repeat of a secret
     * already held. The state counts as revoked once the caller has stored the secret ({@link #revoked}).
     */
    ChannelState accept(Messages.Revocation r, ChannelState latest, Party me) {
        if (r.nonce() < revokedBelow && Arrays.equals(secrets.secretForState(r.nonce()), r.secret())) {
            return null;
        }
        ChannelState revoked = unrevoked.get(r.nonce());
        if (r.nonce() != revokedBelow || revoked == null || latest == null || r.nonce() >= latest.nonce()) {
            throw new ChannelProtocolException("bad_revocation_secret", "unexpected revocation of state " + r.nonce());
        }
        byte[] expected = me == Party.A ? revoked.revocationHashB() : revoked.revocationHashA();
        if (!Arrays.equals(RevocationSecrets.hash(r.secret()), expected)) {
            throw new ChannelProtocolException("bad_revocation_secret", "secret does not match state " + r.nonce());
        }
        try {
            secrets.insertForState(r.secret(), r.nonce());
        } catch (RevocationStore.InvalidSecretException e) {
            throw new ChannelProtocolException("bad_revocation_secret", e.getMessage());
        }
        return revoked;
    }

    /** A secret from the state file, checked when it was first received. */
    void replay(long nonce, byte[] secret) {
        secrets.insertForState(secret, nonce);
        revoked(nonce);
    }

    /** State {@code nonce}, whose secret is kept, is revoked: it and every revocation hash below go. */
    void revoked(long nonce) {
        unrevoked.remove(nonce);
        revokedBelow = nonce + 1;
        hashes.forgetBelow(nonce + 1);
    }
}
