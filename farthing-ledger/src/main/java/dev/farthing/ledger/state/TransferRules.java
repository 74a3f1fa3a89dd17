package dev.farthing.ledger.state;

import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

/** The admission rules for moving money, in the order a client would want them reported. */
final class TransferRules {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private final LedgerState state;

    TransferRules(LedgerState state) {
        this.state = state;
    }

    /**
     * Validates a new transfer against the state; returns the committed form or throws the refusal. A hold's
     * deadline counts from {@code deadlineFrom} (at most {@code now}): an atomic batch passes its first
     * timestamp so that its holds with one timeout share one deadline and expire together.
     */
    TransferView admit(NewTransfer t, long now, long deadlineFrom) {
        assert deadlineFrom <= now : "deadline counted from the future";
        if (state.currency(t.currency()) == null) {
            throw refuse(ErrorCode.UNKNOWN_CURRENCY, "currency " + t.currency() + " is not configured");
        }
        if (t.debitAccount().equals(t.creditAccount())) {
            throw refuse(ErrorCode.SAME_ACCOUNT, "debit and credit account are the same");
        }
        AccountState debit = existing(t.debitAccount(), "debit");
        AccountState credit = existing(t.creditAccount(), "credit");
        if (!debit.currency.equals(t.currency()) || !credit.currency.equals(t.currency())) {
            throw refuse(ErrorCode.CURRENCY_MISMATCH, "transfer in " + t.currency() + " between accounts in "
                    + debit.currency + " and " + credit.currency);
        }
        requireNotClientMade(debit);
        requireNotClientMade(credit);
        requireMovable(debit);
        requireMovable(credit);
        requireNoOverflow(debit, credit, t.amount());
        if (!debit.canDebit(t.amount())) {
            throw refuse(ErrorCode.INSUFFICIENT_FUNDS, "account " + debit.id + " has insufficient available funds");
        }
        long expiresAt = 0;
        if (t.isPending()) {
            try {
                expiresAt = Math.addExact(deadlineFrom, Math.multiplyExact(t.pendingTimeoutS(), NANOS_PER_SECOND));
            } catch (ArithmeticException e) {
                throw refuse(ErrorCode.INVALID_REQUEST, "pending.timeout_s is too large");
            }
        }
        TransferStatus status = t.isPending() ? TransferStatus.PENDING : TransferStatus.POSTED;
        long posted = t.isPending() ? 0 : t.amount();
        return new TransferView(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(), t.code(),
                t.reference(), t.metadata(), t.pendingTimeoutS(), now, status, posted, expiresAt, 0);
    }

    /** How much posting this hold moves: all of it for 0, else a part no larger than the hold. */
    long postableAmount(TransferView hold, long requested) {
        long amount = requested == 0 ? hold.amount() : requested;
        if (amount > hold.amount()) {
            throw refuse(ErrorCode.EXCEEDS_PENDING_AMOUNT,
                    "cannot post " + amount + " of a hold for " + hold.amount());
        }
        requireMovable(state.account(hold.debitAccount()));
        requireMovable(state.account(hold.creditAccount()));
        return amount;
    }

    /** Neither account of {@code t} is a reserved account a client made (those are never used). */
    void requireNotClientMade(TransferView t) {
        AccountState debit = state.account(t.debitAccount());
        AccountState credit = state.account(t.creditAccount());
        if (debit != null) {
            requireNotClientMade(debit);
        }
        if (credit != null) {
            requireNotClientMade(credit);
        }
    }

    private static void requireNotClientMade(AccountState a) {
        if (a.clientMadeReserved()) {
            throw Authority.clientMade(a.id);
        }
    }

    private AccountState existing(String id, String side) {
        AccountState a = state.account(id);
        if (a == null) {
            throw refuse(ErrorCode.NOT_FOUND, side + " account " + id + " does not exist");
        }
        return a;
    }

    private static void requireMovable(AccountState a) {
        if (a.status == AccountStatus.CLOSED) {
            throw refuse(ErrorCode.ACCOUNT_CLOSED, "account " + a.id + " is closed");
        }
        if (a.status == AccountStatus.FROZEN) {
            throw refuse(ErrorCode.ACCOUNT_FROZEN, "account " + a.id + " is frozen");
        }
    }

    /** Each account's running totals are exact lifetime sums; refuse rather than let one wrap. */
    private void requireNoOverflow(AccountState debit, AccountState credit, long amount) {
        try {
            Math.addExact(Math.addExact(debit.debitsPosted, debit.debitsPending), amount);
            Math.addExact(Math.addExact(credit.creditsPosted, credit.creditsPending), amount);
        } catch (ArithmeticException e) {
            throw refuse(ErrorCode.OVERFLOW, "transfer would overflow a 64-bit running total");
        }
    }

    private static LedgerException refuse(ErrorCode code, String detail) {
        return new LedgerException(code, detail);
    }
}
