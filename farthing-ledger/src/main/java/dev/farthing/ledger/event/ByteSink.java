package dev.farthing.ledger.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer, reused across batches so encoding allocates nothing steady-state. */
public final class ByteSink {
    private byte[] bytes;
    private int size;

    public ByteSink(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    public void reset() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public byte[] array() {
        return bytes;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + extra));
        }
    }

    public void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    public void putBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, size, length);
        size += length;
    }

    public void putShort(int v) {
        assert v >= 0 && v <= 0xFFFF : v;
        ensure(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    public void putInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    public void putLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
    }

    private static boolean isAscii(String s) {
        if (s.length() >= 0xFFFF) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Length-prefixed (u16) UTF-8; null is written as 0xFFFF. */
    public void putString(String s) {
        if (s == null) {
            putShort(0xFFFF);
            return;
        }
        if (isAscii(s)) {
            // Ids and codes are ASCII: copy chars straight in, no intermediate array.
            putShort(s.length());
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length >= 0xFFFF) {
            throw new IllegalArgumentException("string too long to encode: " + utf8.length + " bytes");
        }
        putShort(utf8.length);
        putBytes(utf8, 0, utf8.length);
    }
}
