package dev.farthing.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.RevocationSecrets;
import dev.farthing.channel.protocol.Splice;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two-way channel decisions (Lightning-style revocation and penalty), pure like {@link OneWayRules}: each
 * checks the channel and ledger time and returns the {@link Op}; signatures are verified by the caller.
 */
final class TwoWayRules {
    private static final long NS = 1_000_000_000L;

    private TwoWayRules() {
    }

    static void requireKind(Channel c) {
        if (c.kind() != ChannelKind.TWO_WAY) {
            throw new ChannelException(ChannelError.WRONG_KIND, "this operation is for two-way channels");
        }
    }

    static void requireNotClosed(Channel c) {
        requireKind(c);
        if (c.status() == ChannelStatus.CLOSED) {
            throw new ChannelException(ChannelError.CHANNEL_CLOSED, "the channel is closed");
        }
    }

    /**
     * The state belongs to this channel and divides exactly the escrowed total, unless it predates the last
     * splice: such a state is stale by construction (both parties signed the splice at a higher nonce), so
     * it may be broadcast, and then punished or replaced, but it never pays out (see {@link #expire}).
     */
    static void checkState(Channel c, ChannelState s) {
        if (!Arrays.equals(s.channelId(), c.terms().id())) {
            throw new ChannelException(ChannelError.CHANNEL_MISMATCH, "the state is for another channel");
        }
        if (s.nonce() < c.spliceNonce()) {
            return;
        }
        if (s.total() != c.total()) {
            throw new ChannelException(ChannelError.BALANCE_MISMATCH,
                    "state balances sum to " + s.total() + ", the channel holds " + c.total());
        }
    }

    /** In a dispute and inside its window. */
    static void requireWindowOpen(Channel c, long now) {
        requireNotClosed(c);
        if (c.status() != ChannelStatus.CLOSING) {
            throw new ChannelException(ChannelError.NOT_IN_DISPUTE, "no unilateral close is pending on this channel");
        }
        if (now >= c.closesAt()) {
            throw new ChannelException(ChannelError.CHANNEL_EXPIRED, "the dispute window has closed");
        }
    }

    static Op cooperativeClose(Channel c, ChannelState s, long now) {
        requireNotClosed(c);
        requireNotBeforeSplice(c, s);
        checkState(c, s);
        return settle(c, s.balanceA(), s.balanceB(), "cooperative", now);
    }

    static Op unilateralClose(Channel c, Party by, ChannelState s, long now) {
        requireNotClosed(c);
        if (c.status() != ChannelStatus.OPEN) {
            throw new ChannelException(ChannelError.STALE_STATE,
                    "a close is already pending; submit a higher-nonce state through the dispute endpoint");
        }
        checkState(c, s);
        long ends = Math.addExact(now, Math.multiplyExact(c.terms().disputeWindowS(), NS));
        Channel after = c.closingAt(ends, s, by);
        return new Op(after, List.of(), new Op.EventSpec("close_started", s.bytes(), s.nonce(), ends));
    }

    /** Cheap pre-check of a replacing state (before rate limiting and signatures). */
    static void checkReplacement(Channel c, ChannelState s, long now) {
        requireWindowOpen(c, now);
        checkState(c, s);
        if (s.nonce() <= c.closing().nonce()) {
            throw new ChannelException(ChannelError.STALE_STATE,
                    "nonce " + s.nonce() + " is not above the submitted nonce " + c.closing().nonce());
        }
    }

    static Op replace(Channel c, Party by, ChannelState s, long now) {
        checkReplacement(c, s, now);
        Channel after = c.withClosing(s, by);
        return new Op(after, List.of(), new Op.EventSpec("state_replaced", s.bytes(), s.nonce(), c.closesAt()));
    }

    /**
     * True when {@code secret} revokes the submitted state: same nonce, and SHA-256(secret) equals the
     * submitter's revocation hash in it. One hash, no signature: the cheapest possible check.
     */
    static boolean revokes(Channel c, long nonce, byte[] secret) {
        ChannelState s = c.closing();
        if (s == null || secret == null || secret.length != 32 || nonce != s.nonce()) {
            return false;
        }
        byte[] want = c.closingBy() == Party.A ? s.revocationHashA() : s.revocationHashB();
        return MessageDigest.isEqual(RevocationSecrets.hash(secret), want);
    }

    /** Everything to the honest party: the submitter broadcast a state it had revoked. */
    static Op penalty(Channel c, long nonce, byte[] secret, long now) {
        requireWindowOpen(c, now);
        if (!revokes(c, nonce, secret)) {
            throw new ChannelException(ChannelError.REVOCATION_MISMATCH,
                    "the secret does not revoke the submitted state");
        }
        long total = c.total();
        boolean toB = c.closingBy() == Party.A;
        Op op = settle(c, toB ? 0 : total, toB ? total : 0, "penalty", now);
        return new Op(op.after(), op.moves(), new Op.EventSpec("penalty", c.closing().bytes(), nonce, 0));
    }

    static Op rotate(Channel c, Party party, byte[] newKey) {
        requireNotClosed(c);
        Channel after = c.withKeys(c.keys().rotated(party, newKey));
        return new Op(after, List.of(), Op.EventSpec.of("rotated"));
    }

    static Op arbitrate(Channel c, long balanceA, long balanceB, long now) {
        requireNotClosed(c);
        if (Math.addExact(balanceA, balanceB) != c.total()) {
            throw new ChannelException(ChannelError.BALANCE_MISMATCH, "the ruling must divide exactly " + c.total());
        }
        return settle(c, balanceA, balanceB, "arbitration", now);
    }

    /**
     * The ticker: the window passed without a successful challenge, so the submitted state settles. A state
     * from before the last splice divides a total the channel no longer holds, so it settles at the splice's
     * balances instead (the latest division the engine knows both parties signed): never more than is held.
     */
    static Op expire(Channel c, long now) {
        if (c.status() != ChannelStatus.CLOSING || now < c.closesAt()) {
            return null;
        }
        if (c.closing().nonce() < c.spliceNonce()) {
            return settle(c, c.depositA(), c.depositB(), "dispute_window", now);
        }
        return settle(c, c.closing().balanceA(), c.closing().balanceB(), "dispute_window", now);
    }

    private static void requireNotBeforeSplice(Channel c, ChannelState s) {
        if (s.nonce() < c.spliceNonce()) {
            throw new ChannelException(ChannelError.STALE_STATE,
                    "state " + s.nonce() + " predates the splice at nonce " + c.spliceNonce());
        }
    }

    /**
     * A spliced state (signatures checked by the caller): only on an open channel with no dispute pending,
     * nonce above the last splice's, balances summing to the total after the change (which stays positive:
     * withdrawing everything is a close). Top-ups move wallet to escrow and withdrawals
     * escrow to wallet in the same atomic batch that makes the state current.
     */
    static Op splice(Channel c, Splice splice) {
        requireNotClosed(c);
        if (c.status() != ChannelStatus.OPEN) {
            throw new ChannelException(ChannelError.STALE_STATE, "a close is pending; a channel in dispute cannot be spliced");
        }
        ChannelState s = splice.state();
        if (!Arrays.equals(s.channelId(), c.terms().id())) {
            throw new ChannelException(ChannelError.CHANNEL_MISMATCH, "the splice is for another channel");
        }
        if (s.nonce() <= c.spliceNonce()) {
            throw new ChannelException(ChannelError.STALE_STATE,
                    "splice nonce " + s.nonce() + " is not above the last splice's " + c.spliceNonce());
        }
        long after = splice.totalAfter(c.total());
        if (after <= 0 || s.total() != after) {
            throw new ChannelException(ChannelError.BALANCE_MISMATCH, "the spliced state's balances sum to " + s.total()
                    + "; the channel holds " + c.total() + " and the splice changes it by "
                    + (splice.changeA() + splice.changeB()));
        }
        if (-splice.changeA() > c.total() || -splice.changeB() > c.total()) {
            throw new ChannelException(ChannelError.BALANCE_MISMATCH, "a withdrawal exceeds what the channel holds");
        }
        Channel next = c.spliced(s.balanceA(), s.balanceB(), s.nonce());
        String escrow = LedgerMoves.escrowAccount(c.terms().currency());
        List<Move> moves = new ArrayList<>(2);
        addChange(moves, next, 0, c.terms().accountA(), escrow, splice.changeA());
        addChange(moves, next, 1, c.terms().accountB(), escrow, splice.changeB());
        return new Op(next, moves, new Op.EventSpec("spliced", s.bytes(), s.nonce(), 0));
    }

    private static void addChange(List<Move> moves, Channel next, int leg, String wallet, String escrow, long change) {
        if (change > 0) {
            moves.add(new Move(Move.id(next, leg), wallet, escrow, change, "channel_top_up"));
        } else if (change < 0) {
            moves.add(new Move(Move.id(next, leg), escrow, wallet, -change, "channel_withdraw"));
        }
    }

    static Op rotateDispute(Channel c, Party party, byte[] newKey, long oldKeyUpTo) {
        requireNotClosed(c);
        Channel after = c.withKeys(c.keys().withDisputeRotated(party, newKey, oldKeyUpTo, c.terms()));
        return new Op(after, List.of(), Op.EventSpec.of("dispute_key_rotated"));
    }

    private static Op settle(Channel c, long toA, long toB, String reason, long now) {
        Channel after = c.settled(0, new Channel.Settlement(toA, toB, reason, now));
        String escrow = LedgerMoves.escrowAccount(c.terms().currency());
        List<Move> moves = new ArrayList<>(2);
        if (toA > 0) {
            moves.add(new Move(Move.id(after, 0), escrow, c.terms().accountA(), toA, "channel_settle"));
        }
        if (toB > 0) {
            moves.add(new Move(Move.id(after, 1), escrow, c.terms().accountB(), toB, "channel_settle"));
        }
        return new Op(after, moves, Op.EventSpec.of("settled"));
    }
}
