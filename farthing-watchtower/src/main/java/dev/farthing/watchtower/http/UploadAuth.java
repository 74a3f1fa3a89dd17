package dev.farthing.watchtower.http;

import dev.farthing.keys.Ed25519;
import dev.farthing.watchtower.http.Exchanges.Problem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may upload: the holder of the tower's bearer token, or a client that signs the exact request body
 * with a TOWER-family Ed25519 key the tower was told to accept (headers {@value #KEY_HEADER} and
 * {@value #SIGNATURE_HEADER}, hex; the signed message is {@code "FTWU\0" ‖ body}). A replayed signed upload
 * only repeats an idempotent store, so no nonce is needed.
 */
public final class UploadAuth {
    public static final String KEY_HEADER = "X-Farthing-Tower-Key";
    public static final String SIGNATURE_HEADER = "X-Farthing-Tower-Signature";
    private static final byte[] DOMAIN = "FTWU\0".getBytes(StandardCharsets.US_ASCII);
    private final byte[] token;
    private final Set<String> clientKeys;

    /** {@code token} may be null when only signed uploads are accepted; at least one way must exist. */
    public UploadAuth(String token, List<byte[]> clientKeys) {
        if ((token == null || token.isEmpty()) && clientKeys.isEmpty()) {
            throw new IllegalArgumentException("the tower needs a token or at least one client key");
        }
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.clientKeys = clientKeys.stream().map(k -> {
            if (k.length != Ed25519.PUBLIC_KEY_BYTES) {
                throw new IllegalArgumentException("client keys are 32-byte Ed25519 public keys");
            }
            return HexFormat.of().formatHex(k);
        }).collect(Collectors.toUnmodifiableSet());
    }

    /** The message a client signs for {@code body}. */
    public static byte[] signedMessage(byte[] body) {
        byte[] m = new byte[DOMAIN.length + body.length];
        System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
        System.arraycopy(body, 0, m, DOMAIN.length, body.length);
        return m;
    }

    /** Passes or throws a 401 problem. */
    void check(String authorization, String keyHex, String signatureHex, byte[] body) {
        if (token != null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] got = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(got, token)) {
                return;
            }
            throw new Problem(401, "unauthorized", "wrong tower token");
        }
        if (keyHex != null && signatureHex != null) {
            checkSignature(keyHex, signatureHex, body);
            return;
        }
        throw new Problem(401, "unauthorized", "send `Authorization: Bearer <tower token>` or sign the body ("
                + KEY_HEADER + ", " + SIGNATURE_HEADER + ")");
    }

    private void checkSignature(String keyHex, String signatureHex, byte[] body) {
        byte[] key;
        byte[] signature;
        try {
            key = HexFormat.of().parseHex(keyHex.trim());
            signature = HexFormat.of().parseHex(signatureHex.trim());
        } catch (IllegalArgumentException e) {
            throw new Problem(401, "unauthorized", "client key and signature must be hex");
        }
        if (!clientKeys.contains(HexFormat.of().formatHex(key))) {
            throw new Problem(401, "unauthorized", "client key is not registered with this tower");
        }
        if (signature.length != Ed25519.SIGNATURE_BYTES || !Ed25519.verify(key, signedMessage(body), signature)) {
            throw new Problem(401, "unauthorized", "bad signature over the request body");
        }
    }
}
