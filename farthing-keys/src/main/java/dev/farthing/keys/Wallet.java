package dev.farthing.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * A wallet's keys, derived from a BIP-39 seed with SLIP-0010 Ed25519 (hardened only). Paths:
 * <pre>
 *   channel key:      m/44'/17985'/account'/family'/channelIndex'/rotation'
 *   channel secrets:  m/44'/17985'/account'/100'/channelIndex'     (seed for BOLT 3 revocation secrets)
 * </pre>
 * where 17985 (0x4641, "FA") is Farthing's coin type (not a registered SLIP-44 number) and family is
 * {@link KeyFamily#index()} (funding 0, signing 1, dispute 2, tower 3). Families sit on sibling hardened
 * branches: a leaked channel key with its chain code yields only its own descendants.
 */
public final class Wallet {
    public static final int PURPOSE = 44;
    public static final int COIN_TYPE = 17985;
    public static final int SECRETS_BRANCH = 100;

    private final Slip10.Node account;
    private final int accountIndex;

    private Wallet(Slip10.Node account, int accountIndex) {
        this.account = account;
        this.accountIndex = accountIndex;
    }

    /** Validates the mnemonic (word list and checksum) and derives account 0. */
    public static Wallet fromMnemonic(String words, String passphrase) {
        return fromMnemonic(words, passphrase, 0);
    }

    public static Wallet fromMnemonic(String words, String passphrase, int account) {
        Mnemonic.toEntropy(Objects.requireNonNull(words, "words"));
        byte[] seed = Mnemonic.toSeed(words, passphrase);
        try {
            return fromSeed(seed, account);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** From a raw BIP-39 seed (64 bytes). */
    public static Wallet fromSeed(byte[] seed, int account) {
        Slip10.Node node = Slip10.master(seed).derive(PURPOSE, COIN_TYPE, account);
        return new Wallet(node, account);
    }

    /** The channel key of {@code family} at rotation 0. */
    public Signer key(KeyFamily family, int channelIndex) {
        return key(family, channelIndex, 0);
    }

    /** The channel key of {@code family} after {@code rotation} rotations. */
    public SoftwareSigner key(KeyFamily family, int channelIndex, int rotation) {
        return node(family, channelIndex, rotation).signer();
    }

    /** The SLIP-0010 node of a channel key (exposed for tests and backup tooling). */
    public Slip10.Node node(KeyFamily family, int channelIndex, int rotation) {
        return account.derive(family.index(), channelIndex, rotation);
    }

    /** 32 bytes seeding the channel's revocation secrets (BOLT 3 generate_from_seed). */
    public byte[] channelSecretSeed(int channelIndex) {
        return account.derive(SECRETS_BRANCH, channelIndex).key();
    }

    /** The documented path of a channel key, e.g. {@code m/44'/17985'/0'/1'/7'/0'}. */
    public String path(KeyFamily family, int channelIndex, int rotation) {
        return "m/" + PURPOSE + "'/" + COIN_TYPE + "'/" + accountIndex + "'/" + family.index() + "'/"
                + channelIndex + "'/" + rotation + "'";
    }

    @Override
    public String toString() {
        return "Wallet[account " + accountIndex + "]";
    }
}
