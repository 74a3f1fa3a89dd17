package dev.farthing.channel.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Byte helpers for the fixed layouts: big-endian u64, 32-byte fields, SHA-256. */
final class Bytes {
    static final int ID_LENGTH = 32;

    private Bytes() {
    }

    static byte[] require32(String what, byte[] value) {
        if (value == null || value.length != ID_LENGTH) {
            throw new IllegalArgumentException(what + " must be 32 bytes");
        }
        return value.clone();
    }

    static void putLong(byte[] out, int offset, long v) {
        for (int i = 7; i >= 0; i--) {
            out[offset + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] in, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (in[offset + i] & 0xff);
        }
        return v;
    }

    static byte[] slice(byte[] in, int offset, int length) {
        return Arrays.copyOfRange(in, offset, offset + length);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }

    static byte[] prefix(String fourChars) {
        byte[] p = new byte[4];
        for (int i = 0; i < 3; i++) {
            p[i] = (byte) fourChars.charAt(i);
        }
        return p; // the fourth byte is always 0
    }
}
