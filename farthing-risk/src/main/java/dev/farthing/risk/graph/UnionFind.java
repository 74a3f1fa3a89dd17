package dev.farthing.risk.graph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Incremental union-find over dense ids 0..count-1, union by size with path halving. {@link #root} does not
 * compress, so readers change nothing; union by size keeps trees O(log n) deep either way.
 */
final class UnionFind {
    private int[] parent = new int[1024];
    private int[] size = new int[1024];
    private int count;

    int add() {
        if (count == parent.length) {
            parent = Arrays.copyOf(parent, count * 2);
            size = Arrays.copyOf(size, count * 2);
        }
        parent[count] = count;
        size[count] = 1;
        return count++;
    }

    int count() {
        return count;
    }

    int root(int x) {
        while (parent[x] != x) {
            x = parent[x];
        }
        return x;
    }

    int componentSize(int x) {
        return size[root(x)];
    }

    /** Merges the components of {@code a} and {@code b}; returns the new root. */
    int union(int a, int b) {
        int ra = compress(a);
        int rb = compress(b);
        if (ra == rb) {
            return ra;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return ra;
    }

    /** Root of x, halving the path on the way so later {@link #root} calls on x are short. */
    int compress(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(parent[i]);
            out.writeInt(size[i]);
        }
    }

    static UnionFind readFrom(DataInput in, int maxCount) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > maxCount) {
            throw new IOException("union-find size out of range: " + n);
        }
        UnionFind uf = new UnionFind();
        for (int i = 0; i < n; i++) {
            uf.add();
            int p = in.readInt();
            int s = in.readInt();
            if (p < 0 || p >= n || s < 1 || s > n) {
                throw new IOException("union-find entry out of range at " + i);
            }
            uf.parent[i] = p;
            uf.size[i] = s;
        }
        return uf;
    }
}
