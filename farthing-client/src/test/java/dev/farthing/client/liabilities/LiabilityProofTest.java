package dev.farthing.client.liabilities;

import dev.farthing.customers.liabilities.LiabilityTree;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's Merkle sum tree against the SDK's offline verifier: honest proofs pass, every cheat is caught. */
class LiabilityProofTest {

    private static SortedMap<String, Long> balances(Random rnd, int n) {
        SortedMap<String, Long> b = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            b.put("w" + i, (long) rnd.nextInt(1_000_000_000));
        }
        b.put("empty", 0L);
        return b;
    }

    private static LiabilityProof proof(LiabilityTree tree, String account) {
        LiabilityTree.Root root = tree.root();
        List<LiabilityProof.Leaf> leaves = new ArrayList<>();
        for (LiabilityTree.ProofLeaf l : tree.prove(account)) {
            List<LiabilityProof.Sibling> path = new ArrayList<>();
            for (int i = 0; i < l.siblingHashes().size(); i++) {
                path.add(new LiabilityProof.Sibling(l.siblingHashes().get(i), l.siblingSums().get(i)));
            }
            leaves.add(new LiabilityProof.Leaf(l.index(), l.amount(), l.nonce(), path));
        }
        return new LiabilityProof(root.currency(), account, root.hash(), root.total(), root.size(), root.position(), leaves);
    }

    @Test
    void everyAccountVerifiesAndTheTotalIsTheSumOfBalances() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("LiabilityProofTest seed " + seed);
        Random rnd = new Random(seed);
        SortedMap<String, Long> b = balances(rnd, 100);
        LiabilityTree tree = LiabilityTree.build("USD", 42, b, new SecureRandom());
        LiabilityTree.Root root = tree.root();
        assertThat(root.total()).isEqualTo(b.values().stream().mapToLong(Long::longValue).sum());
        assertThat(root.size()).as("padded: the size does not count customers").isEqualTo(1024);
        for (var e : b.entrySet()) {
            assertThat(LiabilityVerifier.check(proof(tree, e.getKey()), root.hash(), root.total(), e.getKey(), e.getValue()))
                    .as(e.getKey()).isNull();
        }
        assertThat(LiabilityTree.build("USD", 42, balances(new Random(1), 3), new SecureRandom()).root().size())
                .as("three customers look like a hundred").isEqualTo(1024);
    }

    @Test
    void aTamperedBalanceADroppedAccountAndANegativeLeafAreDetected() {
        SortedMap<String, Long> b = balances(new Random(7), 50);
        LiabilityTree tree = LiabilityTree.build("USD", 9, b, new SecureRandom());
        LiabilityTree.Root root = tree.root();
        LiabilityProof honest = proof(tree, "w3");
        // tampered: the prover understates w3's balance in its leaf
        LiabilityProof.Leaf l0 = honest.leaves().getFirst();
        LiabilityProof tampered = new LiabilityProof(honest.currency(), "w3", honest.rootHash(), honest.total(), honest.size(),
                honest.position(), List.of(new LiabilityProof.Leaf(l0.index(), l0.amount() - 1, l0.nonce(), l0.path()),
                honest.leaves().get(1)));
        assertThat(LiabilityVerifier.check(tampered, root.hash(), root.total(), "w3", b.get("w3"))).isNotNull();
        assertThat(LiabilityVerifier.check(honest, root.hash(), root.total(), "w3", b.get("w3") + 1))
                .as("the customer's own balance is checked").contains("not the balance");
        // dropped: a tree without w3 has no proof for it, and its total no longer matches the ledger's
        SortedMap<String, Long> without = new TreeMap<>(b);
        without.remove("w3");
        LiabilityTree dropped = LiabilityTree.build("USD", 9, without, new SecureRandom());
        assertThat(dropped.prove("w3")).isEmpty();
        assertThat(dropped.root().total()).isNotEqualTo(b.values().stream().mapToLong(Long::longValue).sum());
        assertThat(LiabilityVerifier.check(honest, dropped.root().hash(), dropped.root().total(), "w3", b.get("w3"))).isNotNull();
        // negative: the builder refuses it, and a proof with a negative sibling sum is rejected
        SortedMap<String, Long> negative = new TreeMap<>(b);
        negative.put("overdrawn", -5L);
        assertThatThrownBy(() -> LiabilityTree.build("USD", 9, negative, new SecureRandom()))
                .hasMessageContaining("negative");
        LiabilityProof.Sibling s0 = l0.path().getFirst();
        List<LiabilityProof.Sibling> bad = new ArrayList<>(l0.path());
        bad.set(0, new LiabilityProof.Sibling(s0.hash(), -s0.sum() - 1));
        LiabilityProof withNegative = new LiabilityProof(honest.currency(), "w3", honest.rootHash(), honest.total(),
                honest.size(), honest.position(), List.of(new LiabilityProof.Leaf(l0.index(), l0.amount(), l0.nonce(), bad),
                honest.leaves().get(1)));
        assertThat(LiabilityVerifier.check(withNegative, root.hash(), root.total(), "w3", b.get("w3"))).contains("negative");
        // another account cannot claim w3's leaves: the commitment binds the account id
        assertThat(LiabilityVerifier.check(new LiabilityProof(honest.currency(), "w4", honest.rootHash(), honest.total(),
                honest.size(), honest.position(), honest.leaves()), root.hash(), root.total(), "w4", b.get("w3"))).isNotNull();
    }
}
