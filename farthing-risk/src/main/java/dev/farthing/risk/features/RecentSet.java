package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last few distinct identifiers (devices, IPs, instruments) of one payer, as 64-bit FNV-1a hashes; when
 * full, a new identifier replaces the oldest. Each keeps when the payer first used it, so a takeover that
 * keeps using one new device still shows a device far younger than the payer's history.
 */
final class RecentSet {
    private final long[] hashes;
    private final long[] firstSeen;
    private int size;
    private int next;

    RecentSet(int capacity) {
        hashes = new long[capacity];
        firstSeen = new long[capacity];
    }

    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    boolean contains(String value) {
        return indexOf(value) >= 0;
    }

    private int indexOf(String value) {
        long h = hash(value);
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h) {
                return i;
            }
        }
        return -1;
    }

    /** Seconds since {@code value} was first used, 0 when it is not remembered. */
    double ageSeconds(String value, long atNanos) {
        int i = indexOf(value);
        return i < 0 ? 0 : (atNanos - firstSeen[i]) / 1e9;
    }

    /**
     * Remembered identifiers first used at or after {@code sinceNanos}, not counting {@code except} (null: none):
     * how many distinct ones arrived within a window, at most the capacity.
     */
    int firstSeenSince(long sinceNanos, String except) {
        long skip = except == null ? 0 : hash(except);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (firstSeen[i] >= sinceNanos && (except == null || hashes[i] != skip)) {
                n++;
            }
        }
        return n;
    }

    void add(String value, long atNanos) {
        if (value == null || contains(value)) {
            return;
        }
        hashes[next] = hash(value);
        firstSeen[next] = atNanos;
        next = (next + 1) % hashes.length;
        size = Math.min(size + 1, hashes.length);
    }

    int size() {
        return size;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        out.writeInt(next);
        for (int i = 0; i < size; i++) {
            out.writeLong(hashes[i]);
            out.writeLong(firstSeen[i]);
        }
    }

    void readFrom(DataInput in) throws IOException {
        size = in.readInt();
        next = in.readInt();
        if (size < 0 || size > hashes.length || next < 0 || next >= hashes.length) {
            throw new IOException("recent set out of range");
        }
        for (int i = 0; i < size; i++) {
            hashes[i] = in.readLong();
            firstSeen[i] = in.readLong();
        }
    }
}
