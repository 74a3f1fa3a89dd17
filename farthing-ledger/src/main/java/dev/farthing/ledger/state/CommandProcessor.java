package dev.farthing.ledger.state;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.AccountOpened;
import dev.farthing.ledger.model.LedgerEvent.AccountStatusChanged;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Decides commands: validates each against the current state, turns accepted ones into events, and
 * applies them at once so the next command in the batch sees them. Refusals change nothing.
 * Runs on the writer thread only; does no I/O (index hits arrive pre-fetched).
 */
public final class CommandProcessor {
    private final LedgerState state;
    private final RecentTransfers recent;
    private final BooleanSupplier breakerOpen;
    private final TransferRules rules;
    private final List<LedgerEvent> events = new ArrayList<>();
    private Map<String, TransferView> prefetched = Map.of();
    private long batchNow;

    public CommandProcessor(LedgerState state, RecentTransfers recent, BooleanSupplier breakerOpen) {
        this.state = state;
        this.recent = recent;
        this.breakerOpen = breakerOpen;
        this.rules = new TransferRules(state);
    }

    /** Starts a batch at wall-clock {@code wallNanos}; ledger time never goes backwards whatever the clock does. */
    public void beginBatch(long wallNanos, Map<String, TransferView> indexHits) {
        assert events.isEmpty() : "previous batch's events were not drained";
        batchNow = Math.max(wallNanos, state.lastTimestamp() + 1);
        prefetched = indexHits;
    }

    public List<LedgerEvent> drainEvents() {
        List<LedgerEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** Timestamp of the last event this batch has kept so far, else {@code fallback}. */
    public long lastEventTimestamp(long fallback) {
        return events.isEmpty() ? fallback : events.getLast().timestamp();
    }

    private long nextTimestamp() {
        return Math.max(batchNow, state.lastTimestamp() + 1);
    }

    private void emit(LedgerEvent e) {
        state.apply(e);
        events.add(e);
    }

    /** The current form of a transfer: open hold, then recent, then what the index returned. */
    public TransferView findTransfer(String id) {
        TransferView v = state.openHold(id);
        if (v == null) {
            v = recent.get(id);
        }
        if (v == null) {
            v = prefetched.get(id);
            if (v != null && v.timestamp() > state.lastTimestamp()) {
                v = null; // written by a batch this state has not reached (replay): not visible yet
            }
        }
        return v;
    }

    public Outcome<AccountView> createAccount(NewAccount request) {
        return createAccount(request, Authority.CLIENT);
    }

    public Outcome<AccountView> createAccount(NewAccount request, Authority authority) {
        if (!authority.mayName(request.id())) {
            return Outcome.fail(authority.refusal(request.id()));
        }
        AccountState found = state.account(request.id());
        if (found != null && found.clientMadeReserved()) {
            return Outcome.fail(Authority.clientMade(request.id()));
        }
        AccountView existing = found == null ? null : found.view();
        if (existing != null) {
            boolean same = existing.currency().equals(request.currency()) && existing.kind() == request.kind()
                    && existing.noOverdraft() == request.effectiveNoOverdraft()
                    && existing.creditLimit() == request.creditLimit() && existing.metadata().equals(request.metadata());
            return same ? Outcome.replay(existing)
                    : Outcome.fail(ErrorCode.ID_CONFLICT, "account " + request.id() + " exists with a different body");
        }
        if (state.currency(request.currency()) == null) {
            return Outcome.fail(ErrorCode.UNKNOWN_CURRENCY, "currency " + request.currency() + " is not configured");
        }
        emit(new AccountOpened(nextTimestamp(), request.id(), request.currency(), request.kind(),
                request.effectiveNoOverdraft(), request.creditLimit(), request.metadata(), authority.isSystem()));
        return Outcome.ok(state.accountView(request.id()));
    }

    public Outcome<AccountView> changeStatus(String id, AccountStatus target) {
        return changeStatus(id, target, Authority.CLIENT);
    }

    /** Freezing or closing a module's account would stop the module: a client may not do it either. */
    public Outcome<AccountView> changeStatus(String id, AccountStatus target, Authority authority) {
        if (!authority.mayName(id)) {
            return Outcome.fail(authority.refusal(id));
        }
        AccountState a = state.account(id);
        if (a != null && a.clientMadeReserved()) {
            return Outcome.fail(Authority.clientMade(id));
        }
        if (a == null) {
            return Outcome.fail(ErrorCode.NOT_FOUND, "account " + id + " does not exist");
        }
        if (a.status == target) {
            return Outcome.replay(a.view());
        }
        if (a.status == AccountStatus.CLOSED) {
            return Outcome.fail(ErrorCode.ACCOUNT_CLOSED, "account " + id + " is closed");
        }
        if (target == AccountStatus.CLOSED && !a.isEmpty()) {
            return Outcome.fail(ErrorCode.ACCOUNT_NOT_EMPTY,
                    "account " + id + " must have zero balance and no pending holds to close");
        }
        emit(new AccountStatusChanged(nextTimestamp(), id, target));
        return Outcome.ok(a.view());
    }

    public Outcome<AccountView> lookupAccount(String id) {
        AccountView v = state.accountView(id);
        return v == null ? Outcome.fail(ErrorCode.NOT_FOUND, "account " + id + " does not exist") : Outcome.ok(v);
    }

    /** One page of accounts in id order after {@code afterId} (null: from the first); next cursor is the last id. */
    public Outcome<Page<AccountView>> listAccounts(String afterId, int limit) {
        if (limit < 1 || limit > dev.farthing.ledger.api.Ledger.MAX_PAGE) {
            return Outcome.fail(ErrorCode.INVALID_REQUEST, "limit must be 1.." + dev.farthing.ledger.api.Ledger.MAX_PAGE);
        }
        List<AccountView> found = state.accountsAfter(afterId, limit + 1);
        if (found.size() <= limit) {
            return Outcome.ok(new Page<>(found, null));
        }
        List<AccountView> page = found.subList(0, limit);
        return Outcome.ok(new Page<>(page, page.getLast().id()));
    }

    public Outcome<TransferView> lookupTransfer(String id) {
        TransferView v = findTransfer(id);
        return v == null ? Outcome.fail(ErrorCode.NOT_FOUND, "transfer " + id + " does not exist") : Outcome.ok(v);
    }

    public List<Outcome<TransferView>> createTransfers(List<NewTransfer> batch, boolean atomic) {
        return createTransfers(batch, atomic, Authority.CLIENT);
    }

    public List<Outcome<TransferView>> createTransfers(List<NewTransfer> batch, boolean atomic, Authority authority) {
        List<Outcome<TransferView>> results = new ArrayList<>(batch.size());
        BatchUndo undo = new BatchUndo();
        long batchStart = nextTimestamp();
        boolean anyFailed = false;
        for (NewTransfer t : batch) {
            Outcome<TransferView> r = createOne(t, atomic ? batchStart : -1, authority);
            results.add(r);
            anyFailed |= !r.isOk();
            if (r.isOk() && !r.replayed()) {
                undo.committed((TransferCommitted) events.getLast());
            }
        }
        if (atomic && anyFailed) {
            undo.rollBack(state, recent, events);
            markLinked(results);
        }
        return results;
    }

    /**
     * Posts in full ({@code post}) or voids every named hold, all or none: a refusal of any (a same-way repeat
     * is no refusal) rolls back those already resolved in this call.
     */
    public List<Outcome<TransferView>> resolveAll(List<String> ids, boolean post) {
        TransferStatus outcome = post ? TransferStatus.POSTED : TransferStatus.VOIDED;
        List<Outcome<TransferView>> results = new ArrayList<>(ids.size());
        BatchUndo undo = new BatchUndo();
        boolean anyFailed = false;
        for (String id : ids) {
            TransferView hold = state.openHold(id);
            Outcome<TransferView> r = resolve(id, outcome, 0, Authority.CLIENT);
            results.add(r);
            anyFailed |= !r.isOk();
            if (r.isOk() && !r.replayed()) {
                undo.resolved((PendingResolved) events.getLast(), hold, r.value());
            }
        }
        if (anyFailed) {
            undo.rollBack(state, recent, events);
            markLinked(results);
        }
        return results;
    }

    private static void markLinked(List<Outcome<TransferView>> results) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).isOk()) {
                results.set(i, Outcome.fail(ErrorCode.LINKED_TRANSFER_FAILED,
                        "another transfer in this atomic batch failed; nothing was committed"));
            }
        }
    }

    /** {@code deadlineFrom} is the atomic batch's start (its holds expire together), or -1 for this transfer's own time. */
    private Outcome<TransferView> createOne(NewTransfer t, long deadlineFrom, Authority authority) {
        try {
            // Before the repeat check: a client may not even replay a module's transfer.
            authority.requireMayName(t.debitAccount(), t.creditAccount());
        } catch (LedgerException refused) {
            return Outcome.fail(refused);
        }
        if (breakerOpen.getAsBoolean()) {
            return Outcome.fail(ErrorCode.CIRCUIT_OPEN, "reconciliation found a discrepancy; money movement is stopped");
        }
        TransferView existing = findTransfer(t.id());
        if (existing != null) {
            return existing.sameBodyAs(t) ? Outcome.replay(existing)
                    : Outcome.fail(ErrorCode.ID_CONFLICT, "transfer " + t.id() + " exists with a different body");
        }
        try {
            long now = nextTimestamp();
            TransferView v = rules.admit(t, now, deadlineFrom < 0 ? now : deadlineFrom);
            emit(new TransferCommitted(v));
            recent.put(v);
            return Outcome.ok(v);
        } catch (LedgerException refused) {
            return Outcome.fail(refused);
        }
    }

    public Outcome<TransferView> post(String id, long amount) {
        return post(id, amount, Authority.CLIENT);
    }

    public Outcome<TransferView> post(String id, long amount, Authority authority) {
        if (amount < 0) {
            return Outcome.fail(ErrorCode.INVALID_REQUEST, "amount must be positive (or omitted to post it all)");
        }
        return resolve(id, TransferStatus.POSTED, amount, authority);
    }

    public Outcome<TransferView> voidHold(String id) {
        return voidHold(id, Authority.CLIENT);
    }

    public Outcome<TransferView> voidHold(String id, Authority authority) {
        return resolve(id, TransferStatus.VOIDED, 0, authority);
    }

    private Outcome<TransferView> resolve(String id, TransferStatus outcome, long amount, Authority authority) {
        TransferView hold = state.openHold(id);
        TransferView named = hold != null ? hold : findTransfer(id);
        if (named != null) {
            try {
                authority.requireMayName(named.debitAccount(), named.creditAccount());
                rules.requireNotClientMade(named);
            } catch (LedgerException refused) {
                return Outcome.fail(refused);
            }
        }
        if (breakerOpen.getAsBoolean()) {
            return Outcome.fail(ErrorCode.CIRCUIT_OPEN, "reconciliation found a discrepancy; money movement is stopped");
        }
        if (hold == null) {
            return alreadyResolved(id, outcome, amount);
        }
        try {
            long posted = outcome == TransferStatus.POSTED ? rules.postableAmount(hold, amount) : 0;
            return Outcome.ok(finish(hold, outcome, posted));
        } catch (LedgerException refused) {
            return Outcome.fail(refused);
        }
    }

    private TransferView finish(TransferView hold, TransferStatus outcome, long posted) {
        long now = nextTimestamp();
        emit(new PendingResolved(now, hold.id(), outcome, posted));
        TransferView done = hold.resolved(outcome, posted, now);
        recent.put(done);
        return done;
    }

    private Outcome<TransferView> alreadyResolved(String id, TransferStatus wanted, long amount) {
        TransferView v = findTransfer(id);
        if (v == null) {
            return Outcome.fail(ErrorCode.NOT_FOUND, "transfer " + id + " does not exist");
        }
        if (v.pendingTimeoutS() == 0) {
            return Outcome.fail(ErrorCode.NOT_PENDING, "transfer " + id + " was not a hold");
        }
        boolean sameAgain = v.status() == wanted
                && (wanted != TransferStatus.POSTED || amount == 0 || amount == v.postedAmount());
        if (sameAgain) {
            return Outcome.replay(v);
        }
        return switch (v.status()) {
            case POSTED -> Outcome.fail(ErrorCode.ALREADY_POSTED, "hold " + id + " was already posted");
            case VOIDED -> Outcome.fail(ErrorCode.ALREADY_VOIDED, "hold " + id + " was already voided");
            case EXPIRED -> Outcome.fail(ErrorCode.PENDING_EXPIRED, "hold " + id + " expired");
            case PENDING -> throw new IllegalStateException("hold " + id + " is pending but not open");
        };
    }

    /** Expires every hold whose deadline has passed by this batch's ledger time. */
    public int expireDue() {
        List<TransferView> due = state.holdsDueBy(batchNow);
        for (TransferView hold : due) {
            finish(hold, TransferStatus.EXPIRED, 0);
        }
        return due.size();
    }
}
