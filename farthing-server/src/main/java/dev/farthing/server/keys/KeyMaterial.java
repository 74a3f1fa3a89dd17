package dev.farthing.server.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key generation and hashing. A key is {@code fk_} + base64url(32 random bytes); its id is the first
 * {@link #ID_LENGTH} characters (the prefix plus 8 random characters, 48 of the 256 bits: safe to show).
 */
public final class KeyMaterial {
    public static final String PREFIX = "fk_";
    public static final int ID_LENGTH = PREFIX.length() + 8;
    /** Longer tokens are refused without hashing them. */
    public static final int MAX_TOKEN_LENGTH = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String idOf(String key) {
        return key.substring(0, Math.min(ID_LENGTH, key.length()));
    }

    /** Hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
