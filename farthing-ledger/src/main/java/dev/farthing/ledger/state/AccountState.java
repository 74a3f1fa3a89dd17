package dev.farthing.ledger.state;

import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;

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
    AccountStatus status = AccountStatus.OPEN;
    long debitsPosted;
    long creditsPosted;
    long debitsPending;
    long creditsPending;

    AccountState(String id, String currency, AccountKind kind, boolean noOverdraft, long creditLimit,
                 Map<String, String> metadata, long createdAt) {
        this.id = id;
        this.currency = currency;
        this.kind = kind;
        this.noOverdraft = noOverdraft;
        this.creditLimit = creditLimit;
        this.metadata = metadata;
        this.createdAt = createdAt;
    }

    AccountView view() {
        return new AccountView(id, currency, kind, noOverdraft, creditLimit, metadata, status,
                debitsPosted, creditsPosted, debitsPending, creditsPending, createdAt);
    }

    /** Could this account be debited {@code amount} more (posted or pending) without breaking its limit? */
    boolean canDebit(long amount) {
        if (!noOverdraft) {
            return true;
        }
        // Exact arithmetic: an overflow here means "no", never a wrapped-around "yes".
        try {
            long committed = Math.addExact(Math.addExact(debitsPosted, debitsPending), amount);
            return committed <= Math.addExact(creditsPosted, creditLimit);
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    boolean isEmpty() {
        return debitsPending == 0 && creditsPending == 0 && debitsPosted == creditsPosted;
    }

    void checkInvariants() {
        if (debitsPosted < 0 || creditsPosted < 0 || debitsPending < 0 || creditsPending < 0) {
            throw new IllegalStateException("negative running total on account " + id);
        }
        if (noOverdraft && debitsPosted + debitsPending > creditsPosted + creditLimit) {
            throw new IllegalStateException("no-overdraft account " + id + " is overdrawn");
        }
    }
}
