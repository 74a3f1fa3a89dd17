package dev.farthing.customers.erasure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A signed statement that a subject's personal data was erased: which fields, whether the data key was destroyed,
 * what was kept, why and until when, at which ledger time, by whom. The signature (Ed25519) covers the canonical
 * JSON of every other field, so anyone with the service's public key can check it offline; {@code subject} is the
 * subject's pseudonym, so the certificate itself holds no personal data.
 */
public record ErasureCertificate(String customerId, String subject, long erasedAt, String by, List<String> erasedFields,
                                 boolean keyDestroyed, List<Kept> kept, String publicKey, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What an erasure kept, why ({@code record_retention}, {@code legal_hold}), its legal basis and until when. */
    public record Kept(List<String> fields, String why, String basis, long until) {
        public Kept {
            fields = List.copyOf(fields);
        }
    }

    public ErasureCertificate {
        erasedFields = List.copyOf(erasedFields);
        kept = List.copyOf(kept);
    }

    /** The bytes the signature covers: everything but the signature, as canonical JSON. */
    public byte[] signedBytes() {
        ObjectNode o = JSON.createObjectNode().put("format", "farthing-erasure-certificate/1")
                .put("customer_id", customerId).put("subject", subject).put("erased_at", erasedAt).put("by", by)
                .put("key_destroyed", keyDestroyed).put("public_key", publicKey);
        erasedFields.forEach(o.putArray("erased_fields")::add);
        var keptArray = o.putArray("kept");
        for (Kept k : kept) {
            ObjectNode ko = keptArray.addObject().put("why", k.why()).put("basis", k.basis()).put("until", k.until());
            k.fields().forEach(ko.putArray("fields")::add);
        }
        try {
            return JSON.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ErasureCertificate sign(String customerId, String subject, long erasedAt, String by, List<String> erased,
                                   boolean keyDestroyed, List<Kept> kept, KeyPair key) {
        String pub = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        ErasureCertificate unsigned = new ErasureCertificate(customerId, subject, erasedAt, by, erased, keyDestroyed,
                kept, pub, null);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(unsigned.signedBytes());
            return new ErasureCertificate(customerId, subject, erasedAt, by, erased, keyDestroyed, kept, pub,
                    Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** True when the signature is valid for {@code trustedPublicKey} (base64 X.509, from the operator). */
    public boolean verify(String trustedPublicKey) {
        if (signature == null || !trustedPublicKey.equals(publicKey)) {
            return false;
        }
        try {
            PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(trustedPublicKey)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(signedBytes());
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The signing key pair, from its sealed PKCS#8 private key plus the public half stored beside it. */
    static KeyPair keyPair(byte[] stored) {
        try {
            int split = ((stored[0] & 0xff) << 8) | (stored[1] & 0xff);
            byte[] priv = java.util.Arrays.copyOfRange(stored, 2, 2 + split);
            byte[] pub = java.util.Arrays.copyOfRange(stored, 2 + split, stored.length);
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            PrivateKey p = f.generatePrivate(new PKCS8EncodedKeySpec(priv));
            return new KeyPair(f.generatePublic(new X509EncodedKeySpec(pub)), p);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the erasure signing key does not open", e);
        }
    }

    static byte[] newKeyPair() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] priv = kp.getPrivate().getEncoded();
            byte[] pub = kp.getPublic().getEncoded();
            byte[] out = new byte[2 + priv.length + pub.length];
            out[0] = (byte) (priv.length >> 8);
            out[1] = (byte) priv.length;
            System.arraycopy(priv, 0, out, 2, priv.length);
            System.arraycopy(pub, 0, out, 2 + priv.length, pub.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** The signer of this service (its key sealed in the vault). */
    public static final class Signer {
        private final KeyPair key;

        public Signer(dev.farthing.customers.vault.PiiVault vault) {
            this.key = keyPair(vault.secret("erasure-signing", ErasureCertificate::newKeyPair));
        }

        public String publicKey() {
            return Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        }

        public ErasureCertificate sign(String customerId, String subject, long erasedAt, String by, List<String> erased,
                                       boolean keyDestroyed, List<Kept> kept) {
            return ErasureCertificate.sign(customerId, subject, erasedAt, by, erased, keyDestroyed, kept, key);
        }
    }
}
