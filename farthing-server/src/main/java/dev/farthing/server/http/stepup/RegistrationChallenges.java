package dev.farthing.server.http.stepup;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open WebAuthn registration challenges: 32 random bytes each, bound to the account they were issued for, expiring
 * after the registration TTL (ledger time). Taking one removes it, so a challenge is used once whether the
 * attestation then verifies or not. In memory and bounded ({@link #MAX_OPEN}): when full, expired ones go first,
 * then the oldest (all share one TTL, so the oldest is the closest to expiry). A restart forgets them: the
 * ceremony then starts again with new options.
 */
final class RegistrationChallenges {
    static final int MAX_OPEN = 10_000;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> open = new LinkedHashMap<>();

    /** One open registration: the account it is for, its challenge, when it expires (ledger nanos). */
    record Open(String account, byte[] challenge, long expiresAt) {
        String key() {
            return RegistrationChallenges.key(challenge);
        }
    }

    synchronized Open issue(String account, long now, long ttl) {
        if (open.size() >= MAX_OPEN) {
            open.values().removeIf(o -> o.expiresAt() <= now);
            Iterator<Open> oldest = open.values().iterator();
            while (open.size() >= MAX_OPEN && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        Open made = new Open(account, challenge, Math.addExact(now, ttl));
        open.put(made.key(), made);
        return made;
    }

    /** Removes and returns the registration whose challenge is {@code challenge} (null when none is open). */
    synchronized Open take(byte[] challenge) {
        return open.remove(key(challenge));
    }

    synchronized int size() {
        return open.size();
    }

    private static String key(byte[] challenge) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(challenge);
    }
}
