package dev.farthing.channels;

import dev.farthing.keys.Hex;

/**
 * What a channel was opened with; never changes. {@code number} is the engine's own sequence number, used
 * for ledger transfer ids ({@code chn.<number>.<op>.<leg>}) because channel ids are too long for them.
 * Times are ledger nanoseconds; {@code cancelAfter} 0 means none. Two-way channels carry both parties'
 * dispute keys (rotation and arbitration); one-way channels have none.
 */
public record ChannelTerms(byte[] id, long number, ChannelKind kind, String currency, String accountA,
                           String accountB, long settleDelayS, long cancelAfter, long disputeWindowS,
                           byte[] disputeKeyA, byte[] disputeKeyB, long createdAt) {

    /**
     * Currency and account names are interned: a merchant with a hundred thousand channels, or a million
     * channels in one currency, hold one copy of each name rather than one per channel.
     */
    public ChannelTerms {
        currency = currency.intern();
        accountA = accountA.intern();
        accountB = accountB.intern();
    }

    public String idHex() {
        return Hex.encode(id);
    }

    public boolean sameAs(ChannelTerms o) {
        return java.util.Arrays.equals(id, o.id) && kind == o.kind && currency.equals(o.currency)
                && accountA.equals(o.accountA) && accountB.equals(o.accountB) && settleDelayS == o.settleDelayS
                && cancelAfter == o.cancelAfter && disputeWindowS == o.disputeWindowS
                && java.util.Arrays.equals(disputeKeyA, o.disputeKeyA) && java.util.Arrays.equals(disputeKeyB, o.disputeKeyB);
    }
}
