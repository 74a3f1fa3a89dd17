package dev.farthing.keys;

/**
 * Key families of a channel. Each lives on its own hardened SLIP-0010 branch (the {@link #index()} below), so a
 * leaked key of one family reveals nothing about another: hardened Ed25519 derivation has no public-parent
 * path, and a child's key and chain code are HMAC-SHA512 outputs that cannot be inverted to the parent.
 */
public enum KeyFamily {
    /** Authorises the deposit into the channel escrow. */
    FUNDING(0),
    /** Signs off-ledger states and claims; rotatable. */
    SIGNING(1),
    /** Closes and disputes; co-signs rotation of the signing key. */
    DISPUTE(2),
    /** Authenticates watchtower sessions. */
    TOWER(3);

    private final int index;

    KeyFamily(int index) {
        this.index = index;
    }

    /** The hardened branch index of this family (before the hardened bit is set). */
    public int index() {
        return index;
    }
}
