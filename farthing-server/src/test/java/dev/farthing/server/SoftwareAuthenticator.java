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
 * counter), and an ES256 signature over {@code authenticatorData ‖ SHA-256(clientDataJSON)} with a P-256 key.
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

    /** {@code {"credential_id": ..., "public_key": ...}} for the registration route. */
    String registration() {
        return "{\"credential_id\":\"" + b64(credentialId) + "\",\"public_key\":\"" + b64(keys.getPublic().getEncoded()) + "\"}";
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
