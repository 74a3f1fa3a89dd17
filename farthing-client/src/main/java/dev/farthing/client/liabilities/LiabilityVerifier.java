package dev.farthing.client.liabilities;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Checks a {@link LiabilityProof} offline against a published root (Merkle sum tree, format
 * {@code farthing-liabilities/1}). Leaf hash: SHA-256 of {@code 0x00, "farthing-liability-leaf/1", currency, 0x00,
 * amount (u64 big-endian), commitment} with commitment SHA-256 of {@code account id, 0x00, nonce}; node hash:
 * SHA-256 of {@code 0x01, left hash, left sum, right hash, right sum}, node sum the exact sum of both. Hashing the
 * child sums into the parent means a prover cannot shift value between subtrees, and every sum on a path must be
 * non-negative, so a negative leaf cannot hide liabilities.
 */
public final class LiabilityVerifier {
    private LiabilityVerifier() {
    }

    /** Null when the proof shows {@code expectedBalance} of {@code accountId} inside the root; else why not. */
    public static String check(LiabilityProof proof, String publishedRoot, long publishedTotal, String accountId,
                               long expectedBalance) {
        if (!proof.rootHash().equals(publishedRoot) || proof.total() != publishedTotal) {
            return "the proof is for another root than the published one";
        }
        if (!proof.accountId().equals(accountId)) {
            return "the proof is for another account";
        }
        int size = proof.size();
        if (size < 1 || Integer.bitCount(size) != 1) {
            return "the tree size is not a power of two";
        }
        int depth = Integer.numberOfTrailingZeros(size);
        long sum = 0;
        Set<Integer> seen = new HashSet<>();
        for (LiabilityProof.Leaf leaf : proof.leaves()) {
            if (leaf.index() < 0 || leaf.index() >= size || !seen.add(leaf.index())) {
                return "leaf index " + leaf.index() + " is out of range or repeated";
            }
            if (leaf.amount() < 0) {
                return "a negative leaf";
            }
            if (leaf.path().size() != depth) {
                return "a path of the wrong length";
            }
            byte[] hash = leafHash(proof.currency(), leaf.amount(), commitment(accountId, HexFormat.of().parseHex(leaf.nonce())));
            long nodeSum = leaf.amount();
            int index = leaf.index();
            for (LiabilityProof.Sibling s : leaf.path()) {
                if (s.sum() < 0) {
                    return "a negative subtree sum on the path";
                }
                byte[] sib = HexFormat.of().parseHex(s.hash());
                hash = (index & 1) == 0 ? nodeHash(hash, nodeSum, sib, s.sum()) : nodeHash(sib, s.sum(), hash, nodeSum);
                try {
                    nodeSum = Math.addExact(nodeSum, s.sum());
                } catch (ArithmeticException e) {
                    return "subtree sums overflow";
                }
                index >>>= 1;
            }
            if (!HexFormat.of().formatHex(hash).equals(publishedRoot) || nodeSum != publishedTotal) {
                return "leaf " + leaf.index() + " does not lead to the published root and total";
            }
            sum = Math.addExact(sum, leaf.amount());
        }
        return sum == expectedBalance ? null
                : "the leaves sum to " + sum + ", not the balance " + expectedBalance;
    }

    public static byte[] commitment(String accountId, byte[] nonce) {
        MessageDigest d = sha256();
        d.update(accountId.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(nonce);
        return d.digest();
    }

    public static byte[] leafHash(String currency, long amount, byte[] commitment) {
        MessageDigest d = sha256();
        d.update((byte) 0);
        d.update("farthing-liability-leaf/1".getBytes(StandardCharsets.US_ASCII));
        d.update(currency.getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        d.update(ByteBuffer.allocate(8).putLong(amount).array());
        d.update(commitment);
        return d.digest();
    }

    public static byte[] nodeHash(byte[] left, long leftSum, byte[] right, long rightSum) {
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
