package dev.farthing.risk.graph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last few payments of one account with one counterparty each (the payee for out-edges, the payer for
 * income), overwriting the oldest when full. Index 0 is the newest.
 */
final class PaymentRing {
    private final int[] counterparty;
    private final long[] amount;
    private final long[] atNanos;
    private int next;
    private int size;

    PaymentRing(int capacity) {
        counterparty = new int[capacity];
        amount = new long[capacity];
        atNanos = new long[capacity];
    }

    void add(int other, long minorUnits, long at) {
        counterparty[next] = other;
        amount[next] = minorUnits;
        atNanos[next] = at;
        next = (next + 1) % counterparty.length;
        size = Math.min(size + 1, counterparty.length);
    }

    int size() {
        return size;
    }

    private int slot(int newestFirst) {
        return Math.floorMod(next - 1 - newestFirst, counterparty.length);
    }

    int counterparty(int newestFirst) {
        return counterparty[slot(newestFirst)];
    }

    long amount(int newestFirst) {
        return amount[slot(newestFirst)];
    }

    long atNanos(int newestFirst) {
        return atNanos[slot(newestFirst)];
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = size - 1; i >= 0; i--) {
            out.writeInt(counterparty(i));
            out.writeLong(amount(i));
            out.writeLong(atNanos(i));
        }
    }

    static PaymentRing readFrom(DataInput in, int capacity, int accounts) throws IOException {
        PaymentRing ring = new PaymentRing(capacity);
        int n = in.readInt();
        if (n < 0 || n > capacity) {
            throw new IOException("payment ring size out of range: " + n);
        }
        for (int i = 0; i < n; i++) {
            int other = in.readInt();
            if (other < 0 || other >= accounts) {
                throw new IOException("payment ring account out of range: " + other);
            }
            ring.add(other, in.readLong(), in.readLong());
        }
        return ring;
    }
}
