package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.ReconciliationCheck;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.state.Authority;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A module's {@link SystemLedger}: the engine's commands issued with the module's {@link Authority}. */
final class SystemHandle implements SystemLedger {
    private final LedgerEngine engine;
    private final Authority authority;
    private final List<String> clientMade;
    private volatile boolean closed;

    SystemHandle(LedgerEngine engine, Authority authority, List<String> allClientMade) {
        this.engine = engine;
        this.authority = authority;
        this.clientMade = allClientMade.stream().filter(id -> id.startsWith(authority.prefix())).toList();
    }

    @Override
    public String module() {
        return authority.module();
    }

    @Override
    public String prefix() {
        return authority.prefix();
    }

    @Override
    public List<Currency> currencies() {
        return engine.currencies();
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> createAccount(NewAccount account) {
        return engine.createAccount(account, open());
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> lookupAccount(String id) {
        open();
        return engine.lookupAccount(id);
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> changeAccountStatus(String id, AccountStatus status) {
        return engine.changeAccountStatus(id, status, open());
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> createTransfer(NewTransfer transfer) {
        return createTransfers(List.of(transfer), false).thenApply(List::getFirst);
    }

    @Override
    public CompletableFuture<List<Outcome<TransferView>>> createTransfers(List<NewTransfer> transfers, boolean atomic) {
        return engine.createTransfers(transfers, atomic, open());
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> postPending(String transferId, long amount) {
        return engine.resolve(transferId, true, amount, open());
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> voidPending(String transferId) {
        return engine.resolve(transferId, false, 0, open());
    }

    @Override
    public List<String> clientMadeAccounts() {
        return clientMade;
    }

    @Override
    public void addReconciliation(ReconciliationCheck check) {
        open();
        engine.hooks().add(this, module(), Objects.requireNonNull(check));
    }

    @Override
    public void removeReconciliation(ReconciliationCheck check) {
        engine.hooks().remove(this, check);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.release(this);
        }
    }

    private Authority open() {
        if (closed) {
            throw new IllegalStateException("the " + module() + " system handle is closed");
        }
        return authority;
    }

    @Override
    public String toString() {
        return "SystemLedger[" + module() + ", " + prefix() + "*]";
    }
}
