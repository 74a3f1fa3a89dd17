package dev.farthing.customers.liabilities;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A Merkle sum tree over the wallet balances of one currency at one ledger position (format
 * {@code farthing-liabilities/1}, checked offline by the SDK's {@code LiabilityVerifier}): the root hash and total
 * are published; each customer gets an inclusion proof. Each balance is split into {@value #PARTS} random parts at
 * random leaf positions and the tree is padded with zero leaves to a power of two of at least {@value #MIN_SIZE}
 * (and twice the leaves), so a proof's sibling sums reveal neither another balance nor the number of customers.
 * Negative balances are refused: liabilities are never netted against an overdraft.
 */
public final class LiabilityTree {
    static final int PARTS = 2;
    static final int MIN_SIZE = 1024;
    private final String currency;
    private final long position;
    private final byte[][][] hashes; // level, index
    private final long[][] sums;
    private final Map<String, List<int[]>> leavesOf = new HashMap<>();
    private final byte[][] nonces;

    /** A published root: what an auditor compares to the ledger's total of wallet balances. */
    public record Root(String currency, long position, String hash, long total, int size) {
    }

    /** One leaf of a proof and its siblings bottom-up (hash hex, sum). */
    public record ProofLeaf(int index, long amount, String nonce, List<String> siblingHashes, List<Long> siblingSums) {
    }

    private LiabilityTree(String currency, long position, int size) {
        this.currency = currency;
        this.position = position;
        int depth = Integer.numberOfTrailingZeros(size);
        this.hashes = new byte[depth + 1][][];
        this.sums = new long[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            hashes[l] = new byte[size >> l][];
            sums[l] = new long[size >> l];
        }
        this.nonces = new byte[size][];
    }

    /** Builds the tree over {@code balances} (account id to balance, minor units) taken at ledger {@code position}. */
    public static LiabilityTree build(String currency, long position, SortedMap<String, Long> balances, SecureRandom random) {
        int parts = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("account " + e.getKey() + " has a negative balance " + e.getValue()
                        + ": liabilities are never netted against an overdraft");
            }
            parts += PARTS;
        }
        int size = Math.max(MIN_SIZE, Integer.highestOneBit(Math.max(1, 2 * parts - 1)) << 1);
        LiabilityTree t = new LiabilityTree(currency, position, size);
        int[] slots = shuffled(size, random);
        int next = 0;
        for (Map.Entry<String, Long> e : balances.entrySet()) {
            long balance = e.getValue();
            long first = balance == 0 ? 0 : Math.floorMod(random.nextLong(), balance + 1);
            long[] amounts = {first, balance - first};
            for (long amount : amounts) {
                int slot = slots[next++];
                t.leavesOf.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new int[] {slot});
                t.setLeaf(slot, amount, commitment(e.getKey(), t.nonce(slot, random)));
            }
        }
        for (int i = next; i < size; i++) {
            byte[] padding = new byte[32];
            random.nextBytes(padding);
            t.setLeaf(slots[i], 0, padding);
        }
        for (int l = 1; l < t.hashes.length; l++) {
            for (int i = 0; i < t.hashes[l].length; i++) {
                long ls = t.sums[l - 1][2 * i];
                long rs = t.sums[l - 1][2 * i + 1];
                t.sums[l][i] = Math.addExact(ls, rs);
                t.hashes[l][i] = nodeHash(t.hashes[l - 1][2 * i], ls, t.hashes[l - 1][2 * i + 1], rs);
            }
        }
        return t;
    }

    public Root root() {
        int top = hashes.length - 1;
        return new Root(currency, position, HexFormat.of().formatHex(hashes[top][0]), sums[top][0], hashes[0].length);
    }

    /** The inclusion proof of an account's leaves; empty when the account is not in the tree. */
    public List<ProofLeaf> prove(String accountId) {
        List<ProofLeaf> out = new ArrayList<>();
        for (int[] slot : leavesOf.getOrDefault(accountId, List.of())) {
            int index = slot[0];
            List<String> h = new ArrayList<>();
            List<Long> s = new ArrayList<>();
            int i = index;
            for (int l = 0; l < hashes.length - 1; l++) {
                h.add(HexFormat.of().formatHex(hashes[l][i ^ 1]));
                s.add(sums[l][i ^ 1]);
                i >>>= 1;
            }
            out.add(new ProofLeaf(index, sums[0][index], HexFormat.of().formatHex(nonces[index]), h, s));
        }
        return out;
    }

    private byte[] nonce(int slot, SecureRandom random) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        nonces[slot] = n;
        return n;
    }

    private void setLeaf(int slot, long amount, byte[] commitment) {
        sums[0][slot] = amount;
        hashes[0][slot] = leafHash(currency, amount, commitment);
    }

    private static int[] shuffled(int size, SecureRandom random) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
        return a;
    }

    static byte[] commitment(String accountId, byte[] nonce) {
        MessageDigest d = sha256();
        d.update(accountId.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(nonce);
        return d.digest();
    }

    static byte[] leafHash(String currency, long amount, byte[] commitment) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        d.update("farthing-liability-leaf/1".getBytes(StandardCharsets.US_ASCII));
        d.update(currency.getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        d.update(ByteBuffer.allocate(8).putLong(amount).array());
        d.update(commitment);
        return d.digest();
    }

    static byte[] nodeHash(byte[] left, long leftSum, byte[] right, long rightSum) {
        MessageDigest d = sha256();
        d.update((byte) 1);
        d.update(left);
        d.update(ByteBuffer.allocate(8).putLong(leftSum).array());
        d.update(right);
        d.update(ByteBuffer.allocate(8).putLong(rightSum).array());
        return d.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
