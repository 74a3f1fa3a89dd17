package dev.farthing.watchtower.blob;

import dev.farthing.channel.protocol.Party;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * The justice blob format (version 1). For a revoked state with commitment {@code C = ChannelState.bytes()}:
 * <ul>
 *   <li>hint = first 16 bytes of SHA-256(C): the tower files the blob under it;</li>
 *   <li>key = SHA-256(C ‖ C): known only to whoever has seen the exact state, so the tower can open the blob
 *       only once that state is broadcast;</li>
 *   <li>blob = {@code 0x01} ‖ GCM nonce (12, random) ‖ AES-256-GCM(plaintext) ‖ tag (16), with associated
 *       data {@code "FTWB" ‖ 0x01 ‖ hint} so a blob cannot be refiled under another hint;</li>
 *   <li>plaintext (always {@value #PLAINTEXT_SIZE} bytes, zero padded, so every blob has the same size and
 *       leaks nothing by its length) = channel id (32) ‖ revoked nonce (u64 BE) ‖ revocation secret (32) ‖
 *       party to pay ({@code Party.code()}: 0 for A, 1 for B) ‖ zeros.</li>
 * </ul>
 */
public final class JusticeBlob {
    public static final byte VERSION = 1;
    public static final int PLAINTEXT_SIZE = 128;
    private static final int NONCE_SIZE = 12;
    private static final int TAG_SIZE = 16;
    /** Bytes of every sealed blob. */
    public static final int SIZE = 1 + NONCE_SIZE + PLAINTEXT_SIZE + TAG_SIZE;
    private static final int USED = JusticePayload.CHANNEL_ID_LENGTH + 8 + JusticePayload.SECRET_LENGTH + 1;
    private static final byte[] AAD_PREFIX = "FTWB".getBytes(StandardCharsets.US_ASCII);

    private JusticeBlob() {
    }

    /** Seals the payload for the state whose commitment is {@code commitment}. */
    public static SealedBlob seal(byte[] commitment, JusticePayload payload, SecureRandom random) {
        Hint hint = Hint.ofCommitment(commitment);
        byte[] nonce = new byte[NONCE_SIZE];
        random.nextBytes(nonce);
        try {
            Cipher gcm = cipher(Cipher.ENCRYPT_MODE, commitment, nonce, hint);
            byte[] sealed = gcm.doFinal(plaintext(payload));
            byte[] blob = ByteBuffer.allocate(SIZE).put(VERSION).put(nonce).put(sealed).array();
            return new SealedBlob(hint, blob);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while sealing", e);
        }
    }

    /** Opens a blob with the commitment that was broadcast; fails unless it is that state's untampered blob. */
    public static JusticePayload open(byte[] commitment, byte[] blob) throws BlobOpenException {
        if (blob == null || blob.length != SIZE || blob[0] != VERSION) {
            throw new BlobOpenException("not a version-1 justice blob of " + SIZE + " bytes", null);
        }
        byte[] nonce = java.util.Arrays.copyOfRange(blob, 1, 1 + NONCE_SIZE);
        byte[] plain;
        try {
            Cipher gcm = cipher(Cipher.DECRYPT_MODE, commitment, nonce, Hint.ofCommitment(commitment));
            plain = gcm.doFinal(blob, 1 + NONCE_SIZE, SIZE - 1 - NONCE_SIZE);
        } catch (AEADBadTagException e) {
            throw new BlobOpenException("blob does not open under this commitment (other state or tampered)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed while opening", e);
        }
        return parse(plain);
    }

    private static Cipher cipher(int mode, byte[] commitment, byte[] nonce, Hint hint) throws GeneralSecurityException {
        byte[] key = Digests.sha256(commitment, commitment);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_SIZE * 8, nonce));
        gcm.updateAAD(ByteBuffer.allocate(AAD_PREFIX.length + 1 + Hint.LENGTH)
                .put(AAD_PREFIX).put(VERSION).put(hint.bytes()).array());
        return gcm;
    }

    private static byte[] plaintext(JusticePayload p) {
        return ByteBuffer.allocate(PLAINTEXT_SIZE).put(p.channelId()).putLong(p.revokedNonce())
                .put(p.revocationSecret()).put(p.payTo().code()).array();
    }

    private static Party party(byte code) {
        for (Party p : Party.values()) {
            if (p.code() == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown party code " + (code & 0xff));
    }

    private static JusticePayload parse(byte[] plain) throws BlobOpenException {
        for (int i = USED; i < plain.length; i++) {
            if (plain[i] != 0) {
                throw new BlobOpenException("blob padding is not zero", null);
            }
        }
        ByteBuffer b = ByteBuffer.wrap(plain);
        byte[] channel = new byte[JusticePayload.CHANNEL_ID_LENGTH];
        b.get(channel);
        long nonce = b.getLong();
        byte[] secret = new byte[JusticePayload.SECRET_LENGTH];
        b.get(secret);
        try {
            return new JusticePayload(channel, nonce, secret, party(b.get()));
        } catch (IllegalArgumentException e) {
            throw new BlobOpenException("blob plaintext is malformed: " + e.getMessage(), e);
        }
    }
}
