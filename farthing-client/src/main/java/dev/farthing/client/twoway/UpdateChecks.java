package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;
import java.util.Arrays;

/** The shape rules an incoming state must meet before any signature is checked (cheap checks first). */
final class UpdateChecks {
    private UpdateChecks() {
    }

    /** {@code next} must be for this channel, exactly one nonce after {@code tip}, and conserve money. */
    static void requireSuccessor(byte[] channelId, ChannelState tip, ChannelState next) {
        if (!Arrays.equals(next.channelId(), channelId)) {
            throw new ChannelProtocolException("wrong_channel", "update is for another channel");
        }
        if (next.nonce() != tip.nonce() + 1) {
            throw new ChannelProtocolException("wrong_nonce", "expected state " + (tip.nonce() + 1) + ", got " + next.nonce());
        }
        requireConserved(tip, next.balanceA(), next.balanceB());
    }

    /** Balances are never negative and always sum to the channel's total. */
    static void requireConserved(ChannelState tip, long balanceA, long balanceB) {
        if (balanceA < 0 || balanceB < 0) {
            throw new ChannelProtocolException("negative_balance", "balances must not be negative");
        }
        if (Math.addExact(balanceA, balanceB) != tip.total()) {
            throw new ChannelProtocolException("balance_not_conserved", "balances must sum to " + tip.total());
        }
    }

    /** A splice's balances: never negative, summing to the old total plus the changes, which are not both zero. */
    static void requireSpliceBalances(ChannelState tip, long balanceA, long balanceB, long changeA, long changeB) {
        if (balanceA < 0 || balanceB < 0) {
            throw new ChannelProtocolException("negative_balance", "balances must not be negative");
        }
        if (changeA == 0 && changeB == 0) {
            throw new ChannelProtocolException("balance_not_conserved", "a splice changes the total; use propose otherwise");
        }
        long total = Math.addExact(tip.total(), Math.addExact(changeA, changeB));
        if (Math.addExact(balanceA, balanceB) != total || total <= 0) {
            throw new ChannelProtocolException("balance_not_conserved", "spliced balances must sum to " + total);
        }
    }

    static void requireIdle(boolean idle) {
        if (!idle) {
            throw new ChannelProtocolException("state_conflict", "settle proposals in flight before rotating keys");
        }
    }
}
