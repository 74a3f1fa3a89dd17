package dev.farthing.channels;


import java.util.ArrayList;
import java.util.List;

/**
 * XRPL PayChan semantics as pure decisions: each method checks a one-way channel operation against the
 * channel and ledger time {@code now} and returns the {@link Op}, or throws the refusal. Cheap checks come
 * first; signatures have been verified by the caller where noted.
 */
final class OneWayRules {
    private static final long NS = 1_000_000_000L;

    private OneWayRules() {
    }

    static void requireKind(Channel c) {
        if (c.kind() != ChannelKind.ONE_WAY) {
            throw new ChannelException(ChannelError.WRONG_KIND, "this operation is for one-way channels");
        }
    }

    /** Open or still-closing (claims stay valid during the settle delay) and not past its deadline. */
    static void requireLive(Channel c, long now) {
        if (c.status() == ChannelStatus.CLOSED) {
            throw new ChannelException(ChannelError.CHANNEL_CLOSED, "the channel is closed");
        }
        if (c.closesAt() != 0 && now >= c.closesAt()) {
            throw new ChannelException(ChannelError.CHANNEL_EXPIRED,
                    "the channel passed its deadline (cancel_after or settle delay) and is settling to the payer");
        }
    }

    static Op fund(Channel c, long amount, long now) {
        requireKind(c);
        requireLive(c, now);
        if (c.status() != ChannelStatus.OPEN) {
            throw new ChannelException(ChannelError.CHANNEL_CLOSED, "a closing channel cannot be funded");
        }
        Channel after = c.withFunds(Math.addExact(c.depositA(), amount), c.paid());
        String escrow = LedgerMoves.escrowAccount(c.terms().currency());
        return new Op(after, List.of(new Move(Move.id(after, 0), c.terms().accountA(), escrow, amount, "channel_fund")),
                null);
    }

    /** Checks a claim's amount against the channel (before any signature work). */
    static void checkClaimAmount(Channel c, long amount, long now) {
        requireKind(c);
        requireLive(c, now);
        if (amount > c.depositA()) {
            throw new ChannelException(ChannelError.CLAIM_EXCEEDS_DEPOSIT,
                    "claim " + amount + " exceeds the deposit " + c.depositA());
        }
        if (amount <= c.paid()) {
            throw new ChannelException(ChannelError.CLAIM_NOT_ABOVE_PAID,
                    "claim " + amount + " is not above the " + c.paid() + " already paid");
        }
    }

    /** Redeems {@code amount - paid} to the payee; the signature was verified by the caller. */
    static Op claim(Channel c, long amount, long now) {
        checkClaimAmount(c, amount, now);
        Channel after = c.withFunds(c.depositA(), amount);
        String escrow = LedgerMoves.escrowAccount(c.terms().currency());
        return new Op(after, List.of(new Move(Move.id(after, 0), escrow, c.terms().accountB(), amount - c.paid(),
                "channel_claim")), null);
    }

    /** Payee closes now, with an optional verified final claim ({@code finalAmount} &lt; 0: none). */
    static Op closeByPayee(Channel c, long finalAmount, long now) {
        requireKind(c);
        requireLive(c, now);
        long paid = c.paid();
        if (finalAmount >= 0) {
            checkClaimAmount(c, finalAmount, now);
            paid = finalAmount;
        }
        return settle(c, paid, "payee_close", now);
    }

    /** Payer asks to close (signature verified by the caller): the settle delay starts. */
    static Op closeByPayer(Channel c, long now) {
        requireKind(c);
        requireLive(c, now);
        if (c.status() == ChannelStatus.CLOSING) {
            return null; // already closing: the request is a repeat
        }
        long deadline = Math.addExact(now, Math.multiplyExact(c.terms().settleDelayS(), NS));
        if (c.terms().cancelAfter() != 0) {
            deadline = Math.min(deadline, c.terms().cancelAfter());
        }
        Channel after = c.closingAt(deadline, null, dev.farthing.channel.protocol.Party.A);
        return new Op(after, List.of(), new Op.EventSpec("close_started", null, 0, deadline));
    }

    /** The ticker: past the settle delay or cancel_after, the remainder returns to the payer. */
    static Op expire(Channel c, long now) {
        if (c.status() == ChannelStatus.CLOSED || c.closesAt() == 0 || now < c.closesAt()) {
            return null;
        }
        boolean cancelled = c.terms().cancelAfter() != 0 && c.closesAt() == c.terms().cancelAfter();
        return settle(c, c.paid(), cancelled ? "cancel_after" : "settle_delay", now);
    }

    private static Op settle(Channel c, long paid, String reason, long now) {
        String escrow = LedgerMoves.escrowAccount(c.terms().currency());
        long toPayee = paid - c.paid();
        long toPayer = c.depositA() - paid;
        Channel after = c.settled(paid, new Channel.Settlement(toPayer, toPayee, reason, now));
        List<Move> moves = new ArrayList<>(2);
        if (toPayee > 0) {
            moves.add(new Move(Move.id(after, 0), escrow, c.terms().accountB(), toPayee, "channel_claim"));
        }
        if (toPayer > 0) {
            moves.add(new Move(Move.id(after, 1), escrow, c.terms().accountA(), toPayer, "channel_refund"));
        }
        return new Op(after, moves, Op.EventSpec.of("settled"));
    }
}
