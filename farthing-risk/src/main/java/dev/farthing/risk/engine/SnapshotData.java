package dev.farthing.risk.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Field helpers of the engine snapshot: nullable strings, enums by ordinal (append new constants last). */
final class SnapshotData {
    private SnapshotData() {
    }

    static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        return new String(bytes(in, n), StandardCharsets.UTF_8);
    }

    static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n == -1 ? null : bytes(in, n);
    }

    private static byte[] bytes(DataInputStream in, int n) throws IOException {
        if (n < 0 || n > in.available()) {
            throw new IOException("impossible length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** A count that cannot be more than the bytes left ({@code minBytes} each): a corrupt count fails fast. */
    static int count(DataInputStream in, int minBytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * minBytes > in.available()) {
            throw new IOException("impossible count " + n);
        }
        return n;
    }

    static <E> E enumAt(E[] values, int ordinal) throws IOException {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IOException("bad enum ordinal " + ordinal);
        }
        return values[ordinal];
    }
}
