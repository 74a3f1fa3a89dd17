package dev.farthing.keys.pkcs11;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.farthing.keys.Signer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An Ed25519 key that lives in a PKCS#11 token (CKM_EC_EDWARDS_KEY_PAIR_GEN, CKM_EDDSA from PKCS#11 v3.0).
 * The private key is generated inside the token as sensitive and non-extractable; only signatures leave it.
 */
public final class Pkcs11Signer implements Signer {
    private final Pkcs11Token token;
    private final long privateKey;
    private final byte[] publicKey;

    private Pkcs11Signer(Pkcs11Token token, long privateKey, byte[] publicKey) {
        this.token = token;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Generates a persistent key pair labelled {@code label} inside the token. */
    public static Pkcs11Signer generate(Pkcs11Token token, String label) {
        byte[] id = label.getBytes(StandardCharsets.UTF_8);
        long[] handles;
        synchronized (token) {
            token.ensureOpen();
            try (Arena arena = Arena.ofConfined()) {
                Templates pub = new Templates(arena).bool(Ckr.CKA_TOKEN, true).bool(Ckr.CKA_VERIFY, true)
                        .bytes(Ckr.CKA_EC_PARAMS, Ckr.ED25519_PARAMS).bytes(Ckr.CKA_LABEL, id).bytes(Ckr.CKA_ID, id);
                Templates priv = new Templates(arena).bool(Ckr.CKA_TOKEN, true).bool(Ckr.CKA_PRIVATE, true)
                        .bool(Ckr.CKA_SENSITIVE, true).bool(Ckr.CKA_EXTRACTABLE, false).bool(Ckr.CKA_SIGN, true)
                        .bytes(Ckr.CKA_LABEL, id).bytes(Ckr.CKA_ID, id);
                MemorySegment hPub = arena.allocate(JAVA_LONG);
                MemorySegment hPriv = arena.allocate(JAVA_LONG);
                token.lib.check("C_GenerateKeyPair", token.lib.generateKeyPair, token.session,
                        Templates.mechanism(arena, Ckr.CKM_EC_EDWARDS_KEY_PAIR_GEN), pub.build(), (long) pub.count(),
                        priv.build(), (long) priv.count(), hPub, hPriv);
                handles = new long[] {hPub.get(JAVA_LONG, 0), hPriv.get(JAVA_LONG, 0)};
            }
        }
        return new Pkcs11Signer(token, handles[1], rawPoint(token.attribute(handles[0], Ckr.CKA_EC_POINT)));
    }

    /** Finds the key pair labelled {@code label}. */
    public static Pkcs11Signer find(Pkcs11Token token, String label) {
        long pub = token.find(Ckr.CKO_PUBLIC_KEY, label);
        long priv = token.find(Ckr.CKO_PRIVATE_KEY, label);
        if (pub < 0 || priv < 0) {
            throw new Pkcs11Exception("no Ed25519 key pair labelled '" + label + "' in the token");
        }
        return new Pkcs11Signer(token, priv, rawPoint(token.attribute(pub, Ckr.CKA_EC_POINT)));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] sign(byte[] message) {
        synchronized (token) {
            token.ensureOpen();
            try (Arena arena = Arena.ofConfined()) {
                token.lib.check("C_SignInit", token.lib.signInit, token.session,
                        Templates.mechanism(arena, Ckr.CKM_EDDSA), privateKey);
                MemorySegment data = arena.allocateFrom(JAVA_BYTE, message.length == 0 ? new byte[1] : message);
                MemorySegment sig = arena.allocate(64);
                MemorySegment sigLen = arena.allocate(JAVA_LONG);
                sigLen.set(JAVA_LONG, 0, 64L);
                token.lib.check("C_Sign", token.lib.sign, token.session, data, (long) message.length, sig, sigLen);
                if (sigLen.get(JAVA_LONG, 0) != 64) {
                    throw new Pkcs11Exception("C_Sign returned " + sigLen.get(JAVA_LONG, 0) + " bytes, not 64");
                }
                return sig.toArray(JAVA_BYTE);
            }
        }
    }

    /** Tries to read the private key's value; a correct token refuses (CKR_ATTRIBUTE_SENSITIVE). */
    public byte[] attemptPrivateKeyExport() {
        return token.attribute(privateKey, Ckr.CKA_VALUE);
    }

    /** CKA_EC_POINT is a DER OCTET STRING (04 20 ‖ key) in PKCS#11 3.0; some tokens return the raw 32 bytes. */
    static byte[] rawPoint(byte[] ecPoint) {
        if (ecPoint.length == 32) {
            return ecPoint;
        }
        if (ecPoint.length == 34 && ecPoint[0] == 0x04 && ecPoint[1] == 32) {
            return Arrays.copyOfRange(ecPoint, 2, 34);
        }
        throw new Pkcs11Exception("unexpected CKA_EC_POINT encoding of " + ecPoint.length + " bytes");
    }
}
