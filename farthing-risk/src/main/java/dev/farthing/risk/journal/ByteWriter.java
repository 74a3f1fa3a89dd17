package dev.farthing.risk.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer for encoding records. Strings are UTF-8 with an int length, -1 for null. */
final class ByteWriter {
    // Array views instead of ByteBuffer.wrap: no wrapper per field on the decision thread's hot path.
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private byte[] buf;
    private int size;

    ByteWriter(int initial) {
        buf = new byte[initial];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void i32(int v) {
        ensure(4);
        INT.set(buf, size, v);
        size += 4;
    }

    void i64(long v) {
        ensure(8);
        LONG.set(buf, size, v);
        size += 8;
    }

    void f64(double v) {
        i64(Double.doubleToRawLongBits(v));
    }

    void putIntAt(int at, int v) {
        INT.set(buf, at, v);
    }

    void str(String s) {
        if (s == null) {
            i32(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        i32(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }
}
