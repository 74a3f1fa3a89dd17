package dev.farthing.customers.vault;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Keyed HMAC-SHA256 pseudonyms: the same value of the same kind always gives the same token, so features,
 * graphs and matching work on tokens exactly as on raw values, while a token says nothing of its value to anyone
 * without the key. Kinds are separated ({@code ip}, {@code device}, {@code email}, {@code name}), so an IP never
 * shares a token with an equal-looking device id. Tokens are {@code kind_} plus 32 hex digits (128 bits).
 */
public final class Pseudonyms {
    private final byte[] key;
    private final ThreadLocal<Mac> macs;

    public Pseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a pseudonym key has at least 32 bytes");
        }
        this.key = key.clone();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The token of {@code value}, of {@code kind} ({@code [a-z]+}); null stays null. */
    public String token(String kind, String value) {
        if (value == null) {
            return null;
        }
        Mac mac = macs.get();
        mac.update(kind.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) 0);
        byte[] tag = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return kind + '_' + HexFormat.of().formatHex(tag, 0, 16);
    }

    /** Case, spacing and Unicode form do not change a name's or an email's token. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return n.replaceAll("\\s+", " ");
    }

    /** True for a string that is a token of some kind (so it is never tokenised twice). */
    public static boolean isToken(String s) {
        int u = s.indexOf('_');
        return u > 0 && s.length() == u + 33 && s.substring(u + 1).chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
