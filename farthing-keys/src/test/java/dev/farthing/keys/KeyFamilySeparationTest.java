package dev.farthing.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A leaked channel key with its chain code (the worst case: an attacker holds the full SLIP-0010 node) must not
 * yield any key of another family, another rotation of the same family, or the parent. The attacker enumerates
 * everything it can compute from the leaked node — its whole subtree to depth 2 — and tries the BIP-32
 * non-hardened parent-recovery formula; none of it reaches a protected key.
 */
class KeyFamilySeparationTest {
    private static final String WORDS = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    private static final BigInteger ED25519_L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void leakedSigningNodeRevealsNoOtherFamilyRotationOrParent() {
        Wallet wallet = Wallet.fromMnemonic(WORDS, "");
        int channel = 5;
        Slip10.Node leaked = wallet.node(KeyFamily.SIGNING, channel, 0);

        Set<String> protectedKeys = new HashSet<>();
        for (KeyFamily family : KeyFamily.values()) {
            if (family != KeyFamily.SIGNING) {
                protectedKeys.add(Hex.encode(wallet.node(family, channel, 0).key()));
            }
        }
        protectedKeys.add(Hex.encode(wallet.node(KeyFamily.SIGNING, channel, 1).key())); // next rotation
        protectedKeys.add(Hex.encode(wallet.channelSecretSeed(channel)));
        assertThat(protectedKeys).hasSize(KeyFamily.values().length + 1);

        Set<String> attackerKeys = new HashSet<>();
        attackerKeys.add(Hex.encode(leaked.key()));
        for (int i = 0; i < 64; i++) {
            Slip10.Node child = leaked.child(i);
            attackerKeys.add(Hex.encode(child.key()));
            for (int j = 0; j < 16; j++) {
                attackerKeys.add(Hex.encode(child.child(j).key()));
            }
            attackerKeys.add(Hex.encode(bip32StyleParentGuess(leaked, i)));
        }
        assertThat(attackerKeys).hasSize(1 + 64 + 64 * 16 + 64);
        assertThat(attackerKeys).doesNotContainAnyElementsOf(protectedKeys);
    }

    @Test
    void familiesAreDistinctKeysOnDocumentedPaths() {
        Wallet wallet = Wallet.fromMnemonic(WORDS, "");
        Set<String> publicKeys = new HashSet<>();
        for (KeyFamily family : KeyFamily.values()) {
            publicKeys.add(Hex.encode(wallet.key(family, 0).publicKey()));
        }
        assertThat(publicKeys).hasSize(4);
        assertThat(wallet.path(KeyFamily.DISPUTE, 7, 2)).isEqualTo("m/44'/17985'/0'/2'/7'/2'");
        // The wallet's derivation is exactly the documented path applied to the BIP-39 seed.
        Slip10.Node viaPath = Slip10.master(Mnemonic.toSeed(WORDS, ""))
                .derive(Slip10.parsePath(wallet.path(KeyFamily.DISPUTE, 7, 2)));
        assertThat(viaPath.signer().publicKey()).isEqualTo(wallet.key(KeyFamily.DISPUTE, 7, 2).publicKey());
        assertThat(Wallet.fromMnemonic(WORDS, "other passphrase").key(KeyFamily.SIGNING, 0).publicKey())
                .isNotEqualTo(wallet.key(KeyFamily.SIGNING, 0).publicKey());
    }

    /** The BIP-32 trick (parent = child - IL) that breaks non-hardened secp256k1 derivation; useless here. */
    private static byte[] bip32StyleParentGuess(Slip10.Node leaked, int index) {
        byte[] data = new byte[36];
        System.arraycopy(leaked.signer().publicKey(), 0, data, 0, 32);
        data[35] = (byte) index;
        byte[] il = java.util.Arrays.copyOf(Slip10.hmacSha512(leaked.chainCode(), data), 32);
        BigInteger guess = new BigInteger(1, leaked.key()).subtract(new BigInteger(1, il)).mod(ED25519_L);
        byte[] out = new byte[32];
        byte[] be = guess.toByteArray();
        System.arraycopy(be, Math.max(0, be.length - 32), out, 32 - Math.min(32, be.length), Math.min(32, be.length));
        return out;
    }
}
