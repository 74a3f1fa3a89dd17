package dev.farthing.ledger.state;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.AccountOpened;
import dev.farthing.ledger.model.LedgerEvent.AccountStatusChanged;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The ledger's in-memory state and the only code that mutates balances. It applies already-validated
 * {@link LedgerEvent}s (from the command processor, or from the journal on replay) and asserts the
 * invariants after each: a violation here is a bug and throws, it is never silently absorbed.
 * Single-threaded by design: one writer owns it.
 */
public final class LedgerState {
    private final Map<String, Currency> currencies = new LinkedHashMap<>();
    private final Map<String, AccountState> accounts = new HashMap<>();
    private final Map<String, CurrencyTotals> totals = new HashMap<>();
    private final Holds holds = new Holds();
    private final List<String> accountIds = new ArrayList<>();
    /** The same ids in id order, for listing pages that a restart (snapshot order) does not reshuffle. */
    private final NavigableSet<String> sortedAccountIds = new TreeSet<>();
    private long lastTimestamp;
    private long transfersCommitted;

    public LedgerState(List<Currency> configured) {
        for (Currency c : configured) {
            currencies.put(c.code(), c);
            totals.put(c.code(), new CurrencyTotals());
        }
    }

    public Currency currency(String code) {
        return currencies.get(code);
    }

    public Collection<Currency> currencies() {
        return currencies.values();
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }

    public long transfersCommitted() {
        return transfersCommitted;
    }

    public int accountCount() {
        return accounts.size();
    }

    public int pendingCount() {
        return holds.size();
    }

    /** Every account id, in creation order (accounts are never deleted): for sampling. */
    public List<String> accountIds() {
        return java.util.Collections.unmodifiableList(accountIds);
    }

    /** Up to {@code limit} accounts whose ids sort after {@code afterId} (from the first when null), in id order. */
    public List<AccountView> accountsAfter(String afterId, int limit) {
        NavigableSet<String> tail = afterId == null ? sortedAccountIds : sortedAccountIds.tailSet(afterId, false);
        List<AccountView> page = new ArrayList<>(Math.min(limit, tail.size()));
        for (String id : tail) {
            if (page.size() == limit) {
                break;
            }
            page.add(accounts.get(id).view());
        }
        return page;
    }

    /**
     * Accounts in the reserved namespace that a client created (before it was reserved), in id order. None can
     * appear after start-up (clients are refused), so callers compute this once on the recovered state. O(accounts).
     */
    public List<String> clientMadeReservedAccounts() {
        List<String> out = new ArrayList<>();
        for (AccountState a : accounts.values()) {
            if (a.clientMadeReserved()) {
                out.add(a.id);
            }
        }
        out.sort(null);
        return out;
    }

    AccountState account(String id) {
        return accounts.get(id);
    }

    public AccountView accountView(String id) {
        AccountState a = accounts.get(id);
        return a == null ? null : a.view();
    }

    public TransferView openHold(String id) {
        return holds.get(id);
    }

    public List<TransferView> holdsDueBy(long now) {
        return holds.dueBy(now);
    }

    Collection<AccountState> accounts() {
        return accounts.values();
    }

    Collection<TransferView> openHolds() {
        return holds.all();
    }

    public void apply(LedgerEvent event) {
        if (event.timestamp() <= lastTimestamp) {
            throw new IllegalStateException("event timestamp " + event.timestamp() + " not after " + lastTimestamp);
        }
        switch (event) {
            case AccountOpened a -> openAccount(a);
            case AccountStatusChanged s -> requireAccount(s.id()).status = s.status();
            case TransferCommitted t -> commit(t.transfer(), +1);
            case PendingResolved r -> resolve(r);
        }
        lastTimestamp = event.timestamp();
    }

    /** Undoes a transfer applied earlier in the same atomic batch, before anything was journaled. */
    public void revert(TransferCommitted event) {
        commit(event.transfer(), -1);
        if (event.transfer().status() == TransferStatus.PENDING) {
            holds.remove(event.transfer().id());
        }
    }

    /** Undoes a resolution applied earlier in the same atomic batch: {@code hold} is open again, as it was. */
    public void revert(PendingResolved r, TransferView hold) {
        if (!hold.id().equals(r.transferId()) || holds.get(hold.id()) != null) {
            throw new IllegalStateException("cannot revert the resolution of " + r.transferId());
        }
        move(hold, hold.amount(), -r.postedAmount());
        holds.restore(hold);
    }

    private void openAccount(AccountOpened a) {
        if (accounts.containsKey(a.id()) || !currencies.containsKey(a.currency())) {
            throw new IllegalStateException("cannot open account " + a.id());
        }
        accounts.put(a.id(), new AccountState(a.id(), a.currency(), a.kind(), a.noOverdraft(), a.creditLimit(),
                a.metadata(), a.timestamp(), a.bySystem()));
        accountIds.add(a.id());
        sortedAccountIds.add(a.id());
    }

    private void commit(TransferView t, int sign) {
        long amount = sign * t.amount();
        if (t.status() == TransferStatus.PENDING) {
            move(t, amount, 0);
            if (sign > 0) {
                holds.add(t);
            }
        } else {
            move(t, 0, amount);
        }
        transfersCommitted += sign;
    }

    private void resolve(PendingResolved r) {
        TransferView hold = holds.remove(r.transferId());
        if (hold == null) {
            throw new IllegalStateException("resolving " + r.transferId() + " which is not an open hold");
        }
        if (r.postedAmount() > hold.amount() || (r.outcome() != TransferStatus.POSTED && r.postedAmount() != 0)) {
            throw new IllegalStateException("bad resolution of hold " + hold.id() + ": " + r);
        }
        move(hold, -hold.amount(), r.postedAmount());
    }

    /**
     * The one place balances change: adds {@code pending} and {@code posted} (negative to take back) to both
     * sides of {@code t} and to its currency's totals, exactly, then checks both accounts. Applying, resolving
     * and reverting a transfer are all calls of this, so an undo is the same arithmetic with the signs turned.
     */
    private void move(TransferView t, long pending, long posted) {
        AccountState debit = requireAccount(t.debitAccount());
        AccountState credit = requireAccount(t.creditAccount());
        CurrencyTotals sums = totals.get(t.currency());
        debit.debitsPending = Math.addExact(debit.debitsPending, pending);
        credit.creditsPending = Math.addExact(credit.creditsPending, pending);
        sums.addPending(pending);
        debit.debitsPosted = Math.addExact(debit.debitsPosted, posted);
        credit.creditsPosted = Math.addExact(credit.creditsPosted, posted);
        sums.addPosted(posted);
        debit.checkInvariants();
        credit.checkInvariants();
    }

    private AccountState requireAccount(String id) {
        AccountState a = accounts.get(id);
        if (a == null) {
            throw new IllegalStateException("event names unknown account " + id);
        }
        return a;
    }

    /** O(currencies): posted and pending debits equal credits in every currency. Null when balanced. */
    public String checkTotals() {
        for (Map.Entry<String, CurrencyTotals> e : totals.entrySet()) {
            if (!e.getValue().balanced()) {
                return "currency " + e.getKey() + " does not balance: " + e.getValue();
            }
        }
        return null;
    }

    /**
     * O(accounts): recomputes the per-currency sums from every account and compares them with the running
     * totals, and checks each account's own limits. Null when everything agrees.
     */
    public String reconcileAccounts() {
        Map<String, CurrencyTotals> recomputed = new HashMap<>();
        for (AccountState a : accounts.values()) {
            try {
                a.checkInvariants();
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
            CurrencyTotals sums = recomputed.computeIfAbsent(a.currency, c -> new CurrencyTotals());
            sums.addAccount(a);
        }
        for (Map.Entry<String, CurrencyTotals> e : totals.entrySet()) {
            CurrencyTotals fromAccounts = recomputed.getOrDefault(e.getKey(), new CurrencyTotals());
            if (!fromAccounts.toString().equals(e.getValue().toString())) {
                return "currency " + e.getKey() + ": accounts sum to " + fromAccounts + " but totals say " + e.getValue();
            }
        }
        return checkTotals();
    }

    void restoreClock(long timestamp, long committed) {
        lastTimestamp = timestamp;
        transfersCommitted = committed;
    }

    void restoreAccount(AccountState a) {
        accounts.put(a.id, a);
        accountIds.add(a.id);
        sortedAccountIds.add(a.id);
        CurrencyTotals sums = totals.get(a.currency);
        if (sums == null) {
            throw new IllegalStateException("snapshot account " + a.id + " uses unconfigured currency " + a.currency);
        }
        sums.addAccount(a);
    }

    void restoreHold(TransferView hold) {
        holds.add(hold);
    }
}
