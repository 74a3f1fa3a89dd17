package dev.farthing.server;

import java.time.Instant;

/**
 * What may be shown about an API key: its id (a short prefix of the key, safe to print), role, label and
 * when it was created or revoked. Never the secret, never its hash.
 *
 * @param id        the key id, e.g. {@code fk_Ab3dE9xQ}; the key itself starts with it
 * @param role      what the key may do
 * @param label     free text given at creation (may be empty)
 * @param createdAt when the key was created
 * @param revokedAt when it was revoked, or null while it is active
 */
public record KeyInfo(String id, Role role, String label, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
