package dev.farthing.server.http.console;

import dev.farthing.server.Role;
import dev.farthing.server.keys.KeyRegistry;
import dev.farthing.server.keys.KeyRegistry.Principal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, held server-side only: the browser holds a random 256-bit id in an HttpOnly cookie, the
 * server maps it to the key that logged in (re-checked against the key file on every request, so a revoked key
 * ends its sessions at once) and to a CSRF token the page sends back in a header on every state change.
 * Bounded: at most {@link #MAX_SESSIONS}; when full, expired sessions are dropped first, then the one closest to
 * expiry. Sessions expire after {@link #IDLE} without use and {@link #ABSOLUTE} after login, whatever the use.
 * The clock is the wall clock: sessions are about people, not money, and are never journaled.
 */
public final class ConsoleSessions {
    public static final int MAX_SESSIONS = 256;
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(8);
    /** Roles that may log in: the people who work queues, verify customers, read the record, administer. */
    public static final Set<Role> CONSOLE_ROLES = EnumSet.of(Role.REVIEWER, Role.COMPLIANCE, Role.AUDITOR, Role.ADMIN);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One login: who, its CSRF token, when it ends (the earlier of idle and absolute expiry). */
    public record Session(String id, String apiKey, Principal principal, String csrfToken, Instant createdAt,
                          Instant lastUsed) {
        Instant expiresAt() {
            Instant idle = lastUsed.plus(IDLE);
            Instant absolute = createdAt.plus(ABSOLUTE);
            return idle.isBefore(absolute) ? idle : absolute;
        }

        Session touched(Instant now) {
            return new Session(id, apiKey, principal, csrfToken, createdAt, now);
        }
    }

    private final KeyRegistry keys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    public ConsoleSessions(KeyRegistry keys) {
        this(keys, Clock.systemUTC());
    }

    ConsoleSessions(KeyRegistry keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Logs {@code apiKey} in; null when the key is unknown or revoked. Throws {@link NotAConsoleRole}. */
    public synchronized Session login(String apiKey) {
        Principal p = keys.authenticate(apiKey);
        if (p == null) {
            return null;
        }
        if (!CONSOLE_ROLES.contains(p.role())) {
            throw new NotAConsoleRole(p.role());
        }
        Instant now = clock.instant();
        makeRoom(now);
        Session s = new Session(randomToken(), apiKey, p, randomToken(), now, now);
        sessions.put(s.id(), s);
        assert sessions.size() <= MAX_SESSIONS : "sessions over their bound: " + sessions.size();
        return s;
    }

    /** The live session for this cookie value (its use extends the idle expiry), else null. */
    public Session resolve(String id) {
        if (id == null || id.length() != 43) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        Principal current = keys.authenticate(s.apiKey());
        if (!now.isBefore(s.expiresAt()) || current == null || current.role() != s.principal().role()) {
            sessions.remove(id, s);
            return null;
        }
        Session touched = s.touched(now);
        sessions.replace(id, s, touched);
        return touched;
    }

    public void logout(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public int size() {
        return sessions.size();
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
    public static boolean tokenMatches(Session s, String presented) {
        return presented != null && MessageDigest.isEqual(s.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private void makeRoom(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A valid key whose role does not work in the console (operator: platform integrations). */
    public static final class NotAConsoleRole extends RuntimeException {
        private final Role role;

        NotAConsoleRole(Role role) {
            super("a key with role " + role.wire() + " cannot log in to the console; it needs reviewer, compliance, auditor or admin");
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }
}
