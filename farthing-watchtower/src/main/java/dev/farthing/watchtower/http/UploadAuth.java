package dev.farthing.watchtower.http;

import dev.farthing.keys.Ed25519;
import dev.farthing.watchtower.http.Exchanges.Problem;
import dev.farthing.watchtower.store.ClientNamespace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is calling, and so which namespace it reads and fills: each client has its own bearer token, or signs
 * the exact request body with a TOWER-family Ed25519 key the tower was told to accept (headers
 * {@value #KEY_HEADER} and {@value #SIGNATURE_HEADER}, hex; the signed message is {@code "FTWU\0" ‖ body},
 * and for a GET the body is {@code "GET " ‖ path}). A replayed signed upload only repeats an idempotent
 * store, so no nonce is needed. Tokens are looked up by their SHA-256, so the lookup's timing says nothing
 * about a token's bytes.
 */
public final class UploadAuth {
    public static final String KEY_HEADER = "X-Farthing-Tower-Key";
    public static final String SIGNATURE_HEADER = "X-Farthing-Tower-Signature";
    /** The client a single shared {@code --token} belongs to. */
    public static final String DEFAULT_CLIENT = "default";
    private static final byte[] DOMAIN = "FTWU\0".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, ClientNamespace> byTokenDigest = new HashMap<>();
    private final Map<String, ClientNamespace> byKey = new HashMap<>();

    /**
     * Clients by name: {@code tokens} maps a client to its bearer token, {@code keys} a client to its
     * TOWER-family public key (a client may have both; both lead to the same namespace). Tokens must differ.
     */
    public UploadAuth(Map<String, String> tokens, Map<String, byte[]> keys) {
        if (tokens.isEmpty() && keys.isEmpty()) {
            throw new IllegalArgumentException("the tower needs at least one client token or client key");
        }
        tokens.forEach((client, token) -> {
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("client " + client + " has an empty token");
            }
            if (byTokenDigest.put(digest(token), ClientNamespace.of(client)) != null) {
                throw new IllegalArgumentException("two clients share one token; each client needs its own");
            }
        });
        keys.forEach((client, key) -> {
            if (key == null || key.length != Ed25519.PUBLIC_KEY_BYTES) {
                throw new IllegalArgumentException("client keys are 32-byte Ed25519 public keys");
            }
            if (byKey.put(HexFormat.of().formatHex(key), ClientNamespace.of(client)) != null) {
                throw new IllegalArgumentException("two clients share one key");
            }
        });
    }

    /**
     * One shared token (client {@value #DEFAULT_CLIENT}) and keys each in a namespace of its own (named
     * {@code key:HEX}). {@code token} may be null when only signed uploads are accepted.
     */
    public UploadAuth(String token, List<byte[]> clientKeys) {
        this(token == null || token.isEmpty() ? Map.of() : Map.of(DEFAULT_CLIENT, token), keysByOwnName(clientKeys));
    }

    private static Map<String, byte[]> keysByOwnName(List<byte[]> keys) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (byte[] k : keys) {
            out.put("key:" + HexFormat.of().formatHex(k), k);
        }
        return out;
    }

    /** The message a client signs for {@code body}. */
    public static byte[] signedMessage(byte[] body) {
        byte[] m = new byte[DOMAIN.length + body.length];
        System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
        System.arraycopy(body, 0, m, DOMAIN.length, body.length);
        return m;
    }

    /** What a client signs to read {@code path} with GET. */
    public static byte[] signedGet(String path) {
        return signedMessage(("GET " + path).getBytes(StandardCharsets.UTF_8));
    }

    /** The caller's namespace, or a 401 problem. */
    ClientNamespace check(String authorization, String keyHex, String signatureHex, byte[] body) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ClientNamespace client = byTokenDigest.get(digest(authorization.substring(7).trim()));
            if (client != null) {
                return client;
            }
            throw new Problem(401, "unauthorized", "wrong tower token");
        }
        if (keyHex != null && signatureHex != null) {
            return checkSignature(keyHex, signatureHex, body);
        }
        throw new Problem(401, "unauthorized", "send `Authorization: Bearer <client token>` or sign the body ("
                + KEY_HEADER + ", " + SIGNATURE_HEADER + ")");
    }

    private ClientNamespace checkSignature(String keyHex, String signatureHex, byte[] body) {
        byte[] key;
        byte[] signature;
        try {
            key = HexFormat.of().parseHex(keyHex.trim());
            signature = HexFormat.of().parseHex(signatureHex.trim());
        } catch (IllegalArgumentException e) {
            throw new Problem(401, "unauthorized", "client key and signature must be hex");
        }
        ClientNamespace client = byKey.get(HexFormat.of().formatHex(key));
        if (client == null) {
            throw new Problem(401, "unauthorized", "client key is not registered with this tower");
        }
        if (signature.length != Ed25519.SIGNATURE_BYTES || !Ed25519.verify(key, signedMessage(body), signature)) {
            throw new Problem(401, "unauthorized", "bad signature over the request body");
        }
        return client;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
