package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;

/**
 * A channel at one instant (immutable; every operation makes a new one).
 *
 * <p>One-way: {@code depositA} is the deposit, {@code paid} what the payee has redeemed; escrow holds
 * {@code depositA - paid}. Two-way: escrow holds {@code depositA + depositB}. {@code closing} is the state
 * submitted to a unilateral close (null otherwise) and {@code closingBy} who submitted it or who asked to close.
 * {@code closesAt} is the ledger time at which the ticker settles the channel (0: no deadline).
 * {@code opSeq} counts operations (committed or aborted) and makes every ledger transfer id unique.
 * {@code spliceNonce} is the nonce of the last spliced state (0: never spliced); after a splice
 * {@code depositA}/{@code depositB} are that state's balances, the channel's new funding baseline.
 */
public record Channel(ChannelTerms terms, ChannelKeys keys, long depositA, long depositB, long paid,
                      ChannelStatus status, long closesAt, ChannelState closing, Party closingBy,
                      Settlement settlement, long opSeq, long spliceNonce) {

    /** How a closed channel paid out. */
    public record Settlement(long toA, long toB, String reason, long at) {
    }

    public ChannelKind kind() {
        return terms.kind();
    }

    /** Minor units this channel holds in escrow now. */
    public long locked() {
        if (status == ChannelStatus.CLOSED) {
            return 0;
        }
        return kind() == ChannelKind.ONE_WAY ? depositA - paid : Math.addExact(depositA, depositB);
    }

    public long total() {
        return Math.addExact(depositA, depositB);
    }

    Channel withFunds(long newDepositA, long newPaid) {
        return new Channel(terms, keys, newDepositA, depositB, newPaid, status, closesAt, closing, closingBy,
                settlement, opSeq + 1, spliceNonce);
    }

    Channel closingAt(long deadline, ChannelState state, Party by) {
        return new Channel(terms, keys, depositA, depositB, paid, ChannelStatus.CLOSING, deadline, state, by,
                null, opSeq + 1, spliceNonce);
    }

    Channel withClosing(ChannelState state, Party by) {
        return new Channel(terms, keys, depositA, depositB, paid, status, closesAt, state, by, null, opSeq + 1, spliceNonce);
    }

    Channel settled(long newPaid, Settlement how) {
        return new Channel(terms, keys, depositA, depositB, newPaid, ChannelStatus.CLOSED, 0, closing, closingBy,
                how, opSeq + 1, spliceNonce);
    }

    /** After a splice: the spliced state's balances are the new deposits. */
    Channel spliced(long newDepositA, long newDepositB, long nonce) {
        return new Channel(terms, keys, newDepositA, newDepositB, paid, status, closesAt, closing, closingBy,
                settlement, opSeq + 1, nonce);
    }

    Channel withKeys(ChannelKeys newKeys) {
        return new Channel(terms, newKeys, depositA, depositB, paid, status, closesAt, closing, closingBy,
                settlement, opSeq + 1, spliceNonce);
    }

    /** The same channel with its operation counter moved past an aborted operation. */
    Channel skippingOp() {
        return new Channel(terms, keys, depositA, depositB, paid, status, closesAt, closing, closingBy,
                settlement, opSeq + 1, spliceNonce);
    }

    /** Explicit invariants, checked whenever a channel changes; a failure is a bug, never a refusal. */
    Channel checked() {
        if (depositA < 0 || depositB < 0 || paid < 0 || paid > depositA + depositB) {
            throw new IllegalStateException("channel " + terms.idHex() + " broke its funds invariant: " + this);
        }
        if (kind() == ChannelKind.ONE_WAY && (depositB != 0 || paid > depositA)) {
            throw new IllegalStateException("one-way channel " + terms.idHex() + " pays more than its deposit");
        }
        if (status == ChannelStatus.CLOSED && settlement == null) {
            throw new IllegalStateException("closed channel " + terms.idHex() + " has no settlement");
        }
        return this;
    }
}
