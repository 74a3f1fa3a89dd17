package dev.farthing.risk.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote; any overrun or impossible length throws {@link IllegalStateException}. */
final class ByteReader {
    private final ByteBuffer buf;

    ByteReader(byte[] data, int offset, int length) {
        buf = ByteBuffer.wrap(data, offset, length).slice();
    }

    boolean atEnd() {
        return !buf.hasRemaining();
    }

    int u8() {
        need(1);
        return buf.get() & 0xff;
    }

    int i32() {
        need(4);
        return buf.getInt();
    }

    long i64() {
        need(8);
        return buf.getLong();
    }

    double f64() {
        return Double.longBitsToDouble(i64());
    }

    String str() {
        int n = i32();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalStateException("bad string length " + n);
        }
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A count of following items, each at least {@code minBytes} long: bounded by what is left. */
    int count(int minBytes) {
        int n = i32();
        if (n < 0 || (long) n * minBytes > buf.remaining()) {
            throw new IllegalStateException("bad count " + n);
        }
        return n;
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw new IllegalStateException("record ends early");
        }
    }
}
