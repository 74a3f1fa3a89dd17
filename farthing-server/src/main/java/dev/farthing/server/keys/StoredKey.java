package dev.farthing.server.keys;

import dev.farthing.server.KeyInfo;
import dev.farthing.server.Role;

import java.time.Instant;

/** One entry of the key store: the SHA-256 of the key (hex), never the key itself. */
public record StoredKey(String id, String hashHex, Role role, String label, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public StoredKey revokedNow() {
        return new StoredKey(id, hashHex, role, label, createdAt, Instant.now());
    }

    public KeyInfo info() {
        return new KeyInfo(id, role, label, createdAt, revokedAt);
    }
}
