package dev.farthing.channels;

import dev.farthing.keys.Ed25519;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.Validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens channels: validates the request, assigns the channel's number and escrows the deposit(s). Repeating
 * an open with the same terms returns the channel unchanged (idempotent); different terms are {@code channel_exists}.
 */
final class ChannelOpener {
    private final ChannelConfig config;
    private final AtomicLong nextNumber;

    ChannelOpener(ChannelConfig config, long firstNumber) {
        this.config = config;
        this.nextNumber = new AtomicLong(firstNumber);
    }

    void validate(OpenRequest r, long now) {
        if (r.id() == null || r.id().length != 32) {
            throw ChannelException.invalid("id must be 32 bytes (64 hex digits)");
        }
        try {
            Validation.requireId("payer", r.payer());
            Validation.requireId("payee", r.payee());
        } catch (LedgerException e) {
            throw ChannelException.invalid(e.detail());
        }
        if (r.payer().equals(r.payee())) {
            throw ChannelException.invalid("payer and payee must be different accounts");
        }
        if (r.amount() <= 0 || r.amountB() < 0) {
            throw ChannelException.invalid("amount must be positive and amount_b not negative");
        }
        Math.addExact(r.amount(), r.amountB());
        requireKey("public_key", r.publicKey());
        if (r.cancelAfter() != 0 && r.cancelAfter() <= now) {
            throw ChannelException.invalid("cancel_after must be in the future");
        }
        requireDelay("settle_delay_s", r.settleDelayS());
        requireDelay("dispute_window_s", r.disputeWindowS());
        if (r.kind() == ChannelKind.TWO_WAY) {
            requireKey("public_key_b", r.publicKeyB());
            requireKey("dispute_key_a", r.disputeKeyA());
            requireKey("dispute_key_b", r.disputeKeyB());
        } else if (r.amountB() != 0 || r.publicKeyB() != null || r.disputeKeyA() != null || r.disputeKeyB() != null) {
            throw ChannelException.invalid("amount_b, public_key_b and dispute keys are for two-way channels");
        }
    }

    /** The number the next opened channel gets (kept in the snapshot so numbers are never reused). */
    long nextNumber() {
        return nextNumber.get();
    }

    /** An open repeated after the channel closed: the closed channel if the terms match, else channel_exists. */
    Channel repeatOfClosed(Channel closed, OpenRequest r) {
        if (!closed.terms().sameAs(terms(r, closed.terms().number(), closed.terms().createdAt()))
                || closed.depositA() < r.amount()) {
            throw new ChannelException(ChannelError.CHANNEL_EXISTS, "a different channel with this id existed and has closed");
        }
        return closed;
    }

    Op decide(Channel current, OpenRequest r, long now) {
        ChannelTerms terms = terms(r, current == null ? nextNumber.getAndIncrement() : current.terms().number(), now);
        if (current != null) {
            if (!current.terms().sameAs(terms) || current.depositA() < r.amount()) {
                throw new ChannelException(ChannelError.CHANNEL_EXISTS, "a different channel with this id exists");
            }
            return null; // idempotent repeat
        }
        ChannelKeys keys = ChannelKeys.opened(r.publicKey(), r.publicKeyB());
        long closesAt = r.kind() == ChannelKind.ONE_WAY ? r.cancelAfter() : 0;
        Channel opened = new Channel(terms, keys, r.amount(), r.amountB(), 0, ChannelStatus.OPEN, closesAt, null, null,
                null, 1, 0);
        String escrow = LedgerMoves.escrowAccount(r.currency());
        List<Move> moves = new ArrayList<>(2);
        moves.add(new Move(Move.id(opened, 0), r.payer(), escrow, r.amount(), "channel_open"));
        if (r.amountB() > 0) {
            moves.add(new Move(Move.id(opened, 1), r.payee(), escrow, r.amountB(), "channel_open"));
        }
        return new Op(opened, moves, Op.EventSpec.of("opened"));
    }

    private ChannelTerms terms(OpenRequest r, long number, long now) {
        long settle = r.settleDelayS() != null ? r.settleDelayS() : config.defaultSettleDelayS();
        long window = r.disputeWindowS() != null ? r.disputeWindowS() : config.defaultDisputeWindowS();
        boolean twoWay = r.kind() == ChannelKind.TWO_WAY;
        return new ChannelTerms(r.id().clone(), number, r.kind(), r.currency(), r.payer(), r.payee(),
                twoWay ? 0 : settle, twoWay ? 0 : r.cancelAfter(), twoWay ? window : 0,
                r.disputeKeyA(), r.disputeKeyB(), now);
    }

    private static void requireKey(String what, byte[] key) {
        if (key == null || key.length != 32) {
            throw ChannelException.invalid(what + " must be an Ed25519 public key (32 bytes, or 33 with the ED prefix)");
        }
        try {
            Ed25519.verifier(key);
        } catch (IllegalArgumentException e) {
            throw ChannelException.invalid(what + " is not an acceptable Ed25519 public key");
        }
    }

    private static void requireDelay(String what, Long seconds) {
        if (seconds != null && (seconds < 0 || seconds > ChannelConfig.MAX_DELAY_S)) {
            throw ChannelException.invalid(what + " must be 0.." + ChannelConfig.MAX_DELAY_S);
        }
    }
}
