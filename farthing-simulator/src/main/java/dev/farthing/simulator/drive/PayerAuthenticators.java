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
 * step-up the way a browser would, by registering a credential once (the ceremony: options, then a {@code none}
 * attestation over the server's challenge) and signing the server's challenge nonce;
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
                a.registered = register(api, payer, a);
            }
            a.counter++;
            return sign(a, nonce, a.counter);
        }
    }

    /**
     * The registration ceremony, as a browser runs it: options (the server's challenge), then a {@code none}
     * attestation of the credential over it. True when registered (409: it was already).
     */
    private static boolean register(ServerApi api, String payer, Authenticator a) {
        ServerApi.Reply options = api.post("/v1/accounts/" + payer + "/webauthn-credentials/options", ServerApi.object());
        if (!options.ok()) {
            return false;
        }
        String challenge = options.body().path("public_key").path("challenge").asText();
        byte[] clientData = ("{\"type\":\"webauthn.create\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + ORIGIN
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
        ServerApi.Reply reg = api.post("/v1/accounts/" + payer + "/webauthn-credentials", ServerApi.object()
                .put("credential_id", b64(a.credentialId)).put("client_data_json", b64(clientData))
                .put("attestation_object", b64(noneAttestation(a))));
        return reg.ok() || reg.status() == 409;
    }

    /** CBOR {fmt: "none", attStmt: {}, authData}: RP id hash, flags UP|UV|AT, counter 0, zero AAGUID, id, COSE key. */
    private static byte[] noneAttestation(Authenticator a) {
        try {
            java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) a.keys.getPublic();
            java.io.ByteArrayOutputStream cose = new java.io.ByteArrayOutputStream();
            cose.write(0xa5); // map(5): kty EC2, alg ES256, crv P-256, x, y
            cose.writeBytes(new byte[] {0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
            cose.writeBytes(fixed32(pub.getW().getAffineX()));
            cose.writeBytes(new byte[] {0x22, 0x58, 0x20});
            cose.writeBytes(fixed32(pub.getW().getAffineY()));
            ByteBuffer auth = ByteBuffer.allocate(37 + 16 + 2 + a.credentialId.length + cose.size());
            auth.put(MessageDigest.getInstance("SHA-256").digest(RP_ID.getBytes(StandardCharsets.UTF_8)));
            auth.put((byte) 0x45);
            auth.putInt(0);
            auth.put(new byte[16]);
            auth.putShort((short) a.credentialId.length);
            auth.put(a.credentialId);
            auth.put(cose.toByteArray());
            byte[] authData = auth.array();
            java.io.ByteArrayOutputStream att = new java.io.ByteArrayOutputStream();
            att.write(0xa3);
            att.writeBytes(new byte[] {0x63, 'f', 'm', 't', 0x64, 'n', 'o', 'n', 'e'});
            att.writeBytes(new byte[] {0x67, 'a', 't', 't', 'S', 't', 'm', 't', (byte) 0xa0});
            att.writeBytes(new byte[] {0x68, 'a', 'u', 't', 'h', 'D', 'a', 't', 'a', 0x59,
                    (byte) (authData.length >> 8), (byte) authData.length});
            att.writeBytes(authData);
            return att.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fixed32(java.math.BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
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
