package dev.farthing.server.http.stepup;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open step-up challenges, one per challenged payment: a random 32-byte nonce and, when codes are delivered,
 * the SHA-256 of a one-time code, both expiring. Taking one ({@link #take}) removes it, so each is used once,
 * whether the proof then verifies or not. In memory and bounded; lost on restart, when a lookup of the
 * still-held payment issues a new one.
 */
final class Challenges {
    static final int MAX_OPEN = 100_000;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /** One open challenge. {@code codeHash} is null when no code was issued. */
    record Open(String paymentId, String payer, byte[] nonce, long expiresAt, byte[] codeHash, long codeExpiresAt) {
    }

    /** The open challenge of the payment, or a new one (with a code when {@code withCode}); null code when none. */
    Issued issue(String paymentId, String payer, long now, long nonceTtl, boolean withCode, long codeTtl) {
        Open current = open.get(paymentId);
        if (current != null && current.expiresAt() > now) {
            return new Issued(current, null, false);
        }
        if (open.size() >= MAX_OPEN) {
            evictExpired(now);
            if (open.size() >= MAX_OPEN) {
                throw new IllegalStateException("more than " + MAX_OPEN + " open step-up challenges");
            }
        }
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        String code = withCode ? String.format("%08d", random.nextInt(100_000_000)) : null;
        Open made = new Open(paymentId, payer, nonce, now + nonceTtl, code == null ? null : sha256(code),
                code == null ? 0 : now + codeTtl);
        open.put(paymentId, made);
        return new Issued(made, code, true);
    }

    /** What {@link #issue} gave: the challenge, the code in plaintext when just made, whether it is new. */
    record Issued(Open challenge, String code, boolean fresh) {
    }

    /** Removes and returns the payment's open challenge (null when none). */
    Open take(String paymentId) {
        return open.remove(paymentId);
    }

    Open peek(String paymentId) {
        return open.get(paymentId);
    }

    static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void evictExpired(long now) {
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAt() <= now) {
                it.remove();
            }
        }
    }
}
