package dev.farthing.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A WebAuthn authenticator in software, as a browser and a security key would answer
 * {@code navigator.credentials.get}: client data JSON over the challenge, authenticator data (RP id hash, flags,
 * counter), and an ES256 signature over {@code authenticatorData ‖ SHA-256(clientDataJSON)} with a P-256 key; and
 * {@code navigator.credentials.create}: an attestation object in CBOR, format {@code none} or {@code packed} (self).
 */
final class SoftwareAuthenticator {
    final KeyPair keys;
    final byte[] credentialId = new byte[16];
    private final String rpId;
    private final String origin;
    int counter;

    SoftwareAuthenticator(String rpId, String origin) {
        this.rpId = rpId;
        this.origin = origin;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            keys = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Runs the registration ceremony for {@code account}: options, then a {@code none} attestation; the reply. */
    TestServer.Resp register(TestServer t, String account) {
        TestServer.Resp options = t.post("/v1/accounts/" + account + "/webauthn-credentials/options", "{}");
        if (options.status() != 201) {
            return options;
        }
        return t.post("/v1/accounts/" + account + "/webauthn-credentials",
                registration(options.json().path("public_key").path("challenge").asText(), "none"));
    }

    /**
     * The body of the registration route, as {@code navigator.credentials.create} would answer the options with
     * {@code challenge}: client data {@code webauthn.create}, and an attestation object (CBOR) in {@code format}
     * {@code none} or {@code packed} (self attestation: signed with the credential's own key).
     */
    String registration(String challenge, String format) {
        return registration(challenge, format, "webauthn.create", origin, rpId, false);
    }

    String registration(String challenge, String format, String type, String clientOrigin, String authRpId, boolean breakSignature) {
        try {
            byte[] clientData = ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\""
                    + clientOrigin + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            byte[] authData = attestedAuthenticatorData(authRpId);
            Cbor att = new Cbor().map(3).text("fmt").text(format).text("attStmt");
            if (format.equals("packed")) {
                byte[] signature = sign(authData, clientData);
                if (breakSignature) {
                    signature[signature.length - 1] ^= 1;
                }
                att.map(2).text("alg").integer(-7).text("sig").bytes(signature);
            } else {
                att.map(0);
            }
            att.text("authData").bytes(authData);
            return "{\"credential_id\":\"" + b64(credentialId) + "\",\"client_data_json\":\"" + b64(clientData)
                    + "\",\"attestation_object\":\"" + b64(att.toBytes()) + "\"}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RP id hash, flags UP|UV|AT, counter, AAGUID (zeros), credential id, the COSE EC2 key (ES256, P-256). */
    private byte[] attestedAuthenticatorData(String authRpId) throws GeneralSecurityException {
        java.security.interfaces.ECPublicKey pub = (java.security.interfaces.ECPublicKey) keys.getPublic();
        byte[] cose = new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(fixed32(pub.getW().getAffineX())).integer(-3).bytes(fixed32(pub.getW().getAffineY())).toBytes();
        ByteBuffer b = ByteBuffer.allocate(37 + 16 + 2 + credentialId.length + cose.length);
        b.put(MessageDigest.getInstance("SHA-256").digest(authRpId.getBytes(StandardCharsets.UTF_8)));
        b.put((byte) 0x45); // user present, user verified, attested credential data
        b.putInt(counter);
        b.put(new byte[16]);
        b.putShort((short) credentialId.length);
        b.put(credentialId);
        b.put(cose);
        return b.array();
    }

    private byte[] sign(byte[] authData, byte[] clientData) throws GeneralSecurityException {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(keys.getPrivate());
        s.update(authData);
        s.update(MessageDigest.getInstance("SHA-256").digest(clientData));
        return s.sign();
    }

    private static byte[] fixed32(java.math.BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, raw.length);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    /** Just enough CBOR (RFC 8949) for an attestation object: maps, text, byte strings, small integers. */
    static final class Cbor {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        private Cbor head(int major, long value) {
            if (value < 24) {
                out.write(major << 5 | (int) value);
            } else if (value < 256) {
                out.write(major << 5 | 24);
                out.write((int) value);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (value >> 8));
                out.write((int) value & 0xff);
            }
            return this;
        }

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            head(3, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor integer(long v) {
            return v >= 0 ? head(0, v) : head(1, -1 - v);
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    /** The {@code webauthn} member of a challenge body: an assertion over {@code nonce} (base64url), counter + 1. */
    String assertion(String nonce) {
        counter++;
        return assertion(nonce, counter, false);
    }

    String assertion(String nonce, int signCount, boolean breakSignature) {
        try {
            byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + nonce + "\",\"origin\":\"" + origin
                    + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
            ByteBuffer auth = ByteBuffer.allocate(37);
            auth.put(MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8)));
            auth.put((byte) 0x05); // user present, user verified
            auth.putInt(signCount);
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(keys.getPrivate());
            s.update(auth.array());
            s.update(MessageDigest.getInstance("SHA-256").digest(clientData));
            byte[] signature = s.sign();
            if (breakSignature) {
                signature[signature.length - 1] ^= 1;
            }
            return "{\"credential_id\":\"" + b64(credentialId) + "\",\"authenticator_data\":\"" + b64(auth.array())
                    + "\",\"client_data_json\":\"" + b64(clientData) + "\",\"signature\":\"" + b64(signature) + "\"}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
