package dev.farthing.ledger.state;

import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.SystemAccounts;

import java.util.Map;

/** One account's mutable balances. Owned by the writer thread; everyone else sees {@link AccountView}s. */
final class AccountState {
    final String id;
    final String currency;
    final AccountKind kind;
    final boolean noOverdraft;
    final long creditLimit;
    final Map<String, String> metadata;
    final long createdAt;
    /** In the reserved namespace ({@code SystemAccounts.isReserved}). */
    final boolean reserved;
    /** Created through a module's system handle; a reserved account without it was made by a client. */
    final boolean systemOrigin;
    AccountStatus status = AccountStatus.OPEN;
    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    AccountState(String id, String currency, AccountKind kind, boolean noOverdraft, long creditLimit,
                 Map<String, String> metadata, long createdAt, boolean systemOrigin) {
        this.id = id;
        this.currency = currency;
        this.kind = kind;
        this.noOverdraft = noOverdraft;
        this.creditLimit = creditLimit;
        this.metadata = metadata;
        this.createdAt = createdAt;
        this.reserved = SystemAccounts.isReserved(id);
        this.systemOrigin = systemOrigin;
    }

    AccountView view() {
        return new AccountView(id, currency, kind, noOverdraft, creditLimit, metadata, status,
                debitsPosted, creditsPosted, debitsPending, creditsPending, createdAt);
    }

    /** Could this account be debited {@code amount} more (posted or pending) without breaking its limit? */
    boolean canDebit(long amount) {
        return !noOverdraft || withinLimit(amount);
    }

    /**
     * Would debits posted + pending + {@code extra} stay within credits posted + credit limit? Exact: an
     * overflow of the debits means "no", and credits + limit beyond 64 bits (a huge credit limit) is not
     * allowed to wrap into a spurious "no" either.
     */
    private boolean withinLimit(long extra) {
        try {
            long committed = Math.addExact(Math.addExact(debitsPosted, debitsPending), extra);
            return committed - creditsPosted <= creditLimit; // both in [0, MAX]: the difference cannot overflow
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** A reserved account a client made: reported, and refused to everyone. */
    boolean clientMadeReserved() {
        return reserved && !systemOrigin;
    }

    boolean isEmpty() {
        return debitsPending == 0 && creditsPending == 0 && debitsPosted == creditsPosted;
    }

    void checkInvariants() {
        if (debitsPosted < 0 || creditsPosted < 0 || debitsPending < 0 || creditsPending < 0) {
            throw new IllegalStateException("negative running total on account " + id);
        }
        if (noOverdraft && !withinLimit(0)) {
            throw new IllegalStateException("no-overdraft account " + id + " is overdrawn");
        }
    }
}
