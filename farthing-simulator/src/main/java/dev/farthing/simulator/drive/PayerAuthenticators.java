package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated payers' WebAuthn authenticators (a P-256 key each, in software): a legitimate payer passes a
 * step-up the way a browser would, by registering a credential once and signing the server's challenge nonce;
 * an attacker does not have the key and fails. RP id {@code localhost}, origin {@code https://localhost}: the
 * server's defaults.
 */
final class PayerAuthenticators {
    static final String RP_ID = "localhost";
    static final String ORIGIN = "https://localhost";
    private final Map<String, Authenticator> byPayer = new ConcurrentHashMap<>();

    private static final class Authenticator {
        final KeyPair keys;
        final byte[] credentialId;
        int counter;
        volatile boolean registered;

        Authenticator(KeyPair keys, byte[] credentialId) {
            this.keys = keys;
            this.credentialId = credentialId;
        }
    }

    /** Registers the payer's credential with the server on first use, then signs {@code nonce}; the body member. */
    ObjectNode assertion(ServerApi api, String payer, String nonce) {
        Authenticator a = byPayer.computeIfAbsent(payer, p -> new Authenticator(newKeys(), MessageDigestId.of(p)));
        synchronized (a) {
            if (!a.registered) {
                ServerApi.Reply reg = api.post("/v1/accounts/" + payer + "/webauthn-credentials", ServerApi.object()
                        .put("credential_id", b64(a.credentialId)).put("public_key", b64(a.keys.getPublic().getEncoded())));
                a.registered = reg.ok() || reg.status() == 409;
            }
            a.counter++;
            return sign(a, nonce, a.counter);
        }
    }

    private static ObjectNode sign(Authenticator a, String nonce, int counter) {
        try {
            byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + nonce + "\",\"origin\":\"" + ORIGIN
                    + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            ByteBuffer auth = ByteBuffer.allocate(37);
            auth.put(MessageDigest.getInstance("SHA-256").digest(RP_ID.getBytes(StandardCharsets.UTF_8)));
            auth.put((byte) 0x05);
            auth.putInt(counter);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(a.keys.getPrivate());
            s.update(auth.array());
            s.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            return ServerApi.object().put("credential_id", b64(a.credentialId)).put("authenticator_data", b64(auth.array()))
                    .put("client_data_json", b64(clientData)).put("signature", b64(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A credential id per payer: 16 bytes of SHA-256 of its name (stable across a run, distinct per payer). */
    private static final class MessageDigestId {
        static byte[] of(String payer) {
            try {
                return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                        .digest(("sim-credential:" + payer).getBytes(StandardCharsets.UTF_8)), 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
