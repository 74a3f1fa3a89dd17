package dev.farthing.keys;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Layout of an {@link EncryptedKeyFile}: {@code "FKEY" ‖ version(1) ‖ logN(1) ‖ salt(16) ‖ checkHash(32) ‖
 * purposeLen u16 ‖ purpose ‖ publicKey(32)}, then {@code dekLen u32 ‖ sealedDek ‖ seedLen u32 ‖ sealedSeed}.
 * The header bytes are the associated data of both AEAD layers.
 */
record KeyFileHeader(int logN, byte[] salt, byte[] checkHash, String purpose, byte[] publicKey) {
    private static final byte[] MAGIC = {'F', 'K', 'E', 'Y'};
    private static final int VERSION = 1;
    private static final int MAX_SECTION = 4096;

    record Framed(KeyFileHeader header, byte[] headerBytes, byte[] sealedDek, byte[] sealedSeed) {
    }

    byte[] encode() {
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        if (p.length > 255) {
            throw new IllegalArgumentException("purpose too long");
        }
        return ByteBuffer.allocate(4 + 2 + salt.length + 32 + 2 + p.length + 32)
                .put(MAGIC).put((byte) VERSION).put((byte) logN).put(salt).put(checkHash)
                .putShort((short) p.length).put(p).put(publicKey).array();
    }

    static byte[] frame(byte[] header, byte[] sealedDek, byte[] sealedSeed) {
        return ByteBuffer.allocate(header.length + 8 + sealedDek.length + sealedSeed.length)
                .put(header).putInt(sealedDek.length).put(sealedDek).putInt(sealedSeed.length).put(sealedSeed)
                .array();
    }

    static Framed unframe(byte[] raw) {
        try {
            ByteBuffer in = ByteBuffer.wrap(raw);
            byte[] magic = take(in, 4);
            if (!Arrays.equals(magic, MAGIC) || in.get() != VERSION) {
                throw new KeyFileException("key_file_format", "not a Farthing key file (magic/version)", null);
            }
            int logN = in.get();
            byte[] salt = take(in, 16);
            byte[] check = take(in, 32);
            int purposeLen = in.getShort() & 0xffff;
            String purpose = new String(take(in, purposeLen), StandardCharsets.UTF_8);
            byte[] publicKey = take(in, 32);
            byte[] headerBytes = Arrays.copyOf(raw, in.position());
            byte[] dek = take(in, in.getInt());
            byte[] seed = take(in, in.getInt());
            if (in.hasRemaining()) {
                throw new KeyFileException("key_file_format", "trailing bytes after the sealed key", null);
            }
            return new Framed(new KeyFileHeader(logN, salt, check, purpose, publicKey), headerBytes, dek, seed);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new KeyFileException("key_file_format", "truncated or malformed key file", e);
        }
    }

    private static byte[] take(ByteBuffer in, int n) {
        if (n < 0 || n > MAX_SECTION) {
            throw new IllegalArgumentException("section length " + n);
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }
}
