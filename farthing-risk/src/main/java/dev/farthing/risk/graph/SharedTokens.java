package dev.farthing.risk.graph;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * One kind of shared identifier (devices, IPs or instruments): which accounts used each, up to a cap. The
 * first accounts to share an identifier are linked in the {@link UnionFind}; past the cap the identifier is
 * marked {@code capped} and links nobody new (see {@link GraphLimits}).
 */
final class SharedTokens {
    private final BoundedLru<Users> tokens;
    private final int linkCap;

    SharedTokens(int maxTokens, int linkCap) {
        this.tokens = new BoundedLru<>(maxTokens);
        this.linkCap = linkCap;
    }

    /** The accounts seen on one identifier; {@code ids[0]} is the one all others were linked to. */
    static final class Users {
        int[] ids = new int[2];
        int n;
        boolean capped;

        boolean contains(int id) {
            for (int i = 0; i < n; i++) {
                if (ids[i] == id) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Records that {@code account} used {@code token}, linking it to the token's earlier users. */
    void link(String token, int account, UnionFind uf) {
        if (token == null) {
            return;
        }
        Users users = tokens.touch(token);
        if (users == null) {
            users = new Users();
            tokens.put(token, users);
        }
        if (users.capped || users.contains(account)) {
            return;
        }
        if (users.n == linkCap) {
            users.capped = true;
            return;
        }
        if (users.n == users.ids.length) {
            users.ids = Arrays.copyOf(users.ids, Math.min(linkCap, users.n * 2));
        }
        users.ids[users.n++] = account;
        if (users.n > 1) {
            uf.union(users.ids[0], account);
        }
    }

    /** What {@link #prospectiveRoot} returns for a token shared by too many accounts to link them. */
    static final int CAPPED = -2;

    /**
     * The root {@code account} would join through {@code token}; -1 when the token links nobody (unknown, or
     * would become capped by this new account), {@link #CAPPED} when it is capped. Changes nothing.
     */
    int prospectiveRoot(String token, int account, UnionFind uf) {
        Users users = token == null ? null : tokens.get(token);
        if (users == null || users.n == 0) {
            return -1;
        }
        if (users.capped) {
            return CAPPED;
        }
        if (users.n == linkCap && !users.contains(account)) {
            return -1;
        }
        return uf.root(users.ids[0]);
    }

    int size() {
        return tokens.size();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(tokens.size());
        for (String token : tokens.keysEldestFirst()) {
            Users users = tokens.get(token);
            out.writeUTF(token);
            out.writeBoolean(users.capped);
            out.writeInt(users.n);
            for (int i = 0; i < users.n; i++) {
                out.writeInt(users.ids[i]);
            }
        }
    }

    void readFrom(DataInput in, int accounts) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > tokens.capacity()) {
            throw new IOException("token count out of range: " + count);
        }
        for (int t = 0; t < count; t++) {
            String token = in.readUTF();
            Users users = new Users();
            users.capped = in.readBoolean();
            users.n = in.readInt();
            if (users.n < 0 || users.n > linkCap) {
                throw new IOException("token users out of range: " + users.n);
            }
            users.ids = new int[Math.max(2, users.n)];
            for (int i = 0; i < users.n; i++) {
                users.ids[i] = in.readInt();
                if (users.ids[i] < 0 || users.ids[i] >= accounts) {
                    throw new IOException("token user id out of range: " + users.ids[i]);
                }
            }
            tokens.put(token, users);
        }
    }
}
