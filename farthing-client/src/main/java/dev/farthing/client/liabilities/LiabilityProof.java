package dev.farthing.client.liabilities;

import java.util.List;

/**
 * A customer's proof that their balance is counted in the published liabilities of one currency: the root
 * ({@code rootHash}, {@code total}, {@code size} leaves) and, for each leaf the balance was split into, its index,
 * amount, nonce and the sibling path up to the root. Siblings carry only subtree sums, so no other balance and
 * not the number of customers is revealed (balances are split into random parts and the tree padded with
 * zero leaves to a power of two).
 */
public record LiabilityProof(String currency, String accountId, String rootHash, long total, int size, long position,
                             List<Leaf> leaves) {

    public LiabilityProof {
        leaves = List.copyOf(leaves);
    }

    /** One leaf of the account: its position, amount, the nonce of its commitment, and its siblings bottom-up. */
    public record Leaf(int index, long amount, String nonce, List<Sibling> path) {
        public Leaf {
            path = List.copyOf(path);
        }
    }

    public record Sibling(String hash, long sum) {
    }
}
