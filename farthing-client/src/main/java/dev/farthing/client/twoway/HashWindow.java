package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.RevocationSecrets;
import java.util.HashMap;
import java.util.Map;

/**
 * Revocation hashes: this party's own (derived from its secret seed with BOLT 3 generate_from_seed) and the
 * counterparty's announced ones, kept for at most {@code 2 * AHEAD + 1} states.
 */
final class HashWindow {
    /** How far ahead each side announces its revocation hashes; also the bound on in-flight updates. */
    static final int AHEAD = 256;

    private final ShachainCursor cursor;
    private final Map<Long, byte[]> peer = new HashMap<>();
    private final Map<Long, byte[]> ownHashes = new HashMap<>();

    HashWindow(byte[] seed) {
        this.cursor = new ShachainCursor(seed);
    }

    byte[] ownSecret(long nonce) {
        return cursor.secret(RevocationSecrets.indexOf(nonce));
    }

    /** Own hashes are asked for twice (announced AHEAD early, then put in the state): computed once. */
    byte[] ownHash(long nonce) {
        byte[] h = ownHashes.remove(nonce);
        if (h == null) {
            h = RevocationSecrets.hash(ownSecret(nonce));
            if (ownHashes.size() < 4 * AHEAD) {
                ownHashes.put(nonce, h);
            }
        }
        return h;
    }

    void announcePeer(long nonce, byte[] hash) {
        if (hash == null || hash.length != 32) {
            throw new ChannelProtocolException("unknown_revocation_hash", "announced hash must be 32 bytes");
        }
        peer.put(nonce, hash.clone());
    }

    /** The counterparty's hash for {@code nonce}; refuses when it was never announced. */
    byte[] peerHash(long nonce) {
        byte[] h = peer.get(nonce);
        if (h == null) {
            throw new ChannelProtocolException("unknown_revocation_hash", "no counterparty hash announced for state " + nonce);
        }
        return h;
    }

    /** Forgets hashes of states that are revoked and settled into the compact store. */
    void forgetBelow(long nonce) {
        peer.keySet().removeIf(n -> n < nonce);
    }

    int size() {
        return peer.size();
    }
}
