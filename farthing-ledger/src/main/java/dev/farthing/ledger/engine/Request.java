package dev.farthing.ledger.engine;

import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.state.Authority;
import dev.farthing.ledger.state.CommandProcessor;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A unit of work travelling through the pipeline. Commands that may name accounts carry the {@link Authority}
 * that issued them (a client, or a module's system handle). {@link #indexKeys} names the transfers the prefetch
 * stage must read from disk; {@link #execute} runs on the writer thread; {@link #complete} runs after the
 * batch it belongs to is durable.
 */
sealed interface Request {

    /** Transfer ids to read from the index before execution. */
    default List<String> indexKeys() {
        return List.of();
    }

    /** How many transfers this request carries, for batch sizing. */
    default int weight() {
        return 1;
    }

    Object execute(CommandProcessor processor);

    CompletableFuture<?> future();

    @SuppressWarnings("unchecked")
    default void complete(Object result) {
        ((CompletableFuture<Object>) future()).complete(result);
    }

    record CreateAccount(NewAccount account, Authority authority, CompletableFuture<Outcome<AccountView>> future)
            implements Request {
        public Object execute(CommandProcessor p) {
            return p.createAccount(account, authority);
        }
    }

    record LookupAccount(String id, CompletableFuture<Outcome<AccountView>> future) implements Request {
        public Object execute(CommandProcessor p) {
            return p.lookupAccount(id);
        }
    }

    record ChangeStatus(String id, AccountStatus status, Authority authority,
                        CompletableFuture<Outcome<AccountView>> future) implements Request {
        public Object execute(CommandProcessor p) {
            return p.changeStatus(id, status, authority);
        }
    }

    record CreateTransfers(List<NewTransfer> transfers, boolean atomic, Authority authority,
                           CompletableFuture<List<Outcome<TransferView>>> future) implements Request {
        public List<String> indexKeys() {
            List<String> ids = new java.util.ArrayList<>(transfers.size());
            for (NewTransfer t : transfers) {
                ids.add(t.id());
            }
            return ids;
        }

        public int weight() {
            return transfers.size();
        }

        public Object execute(CommandProcessor p) {
            return p.createTransfers(transfers, atomic, authority);
        }
    }

    /** Post ({@code post} true, {@code amount} 0 = all) or void a hold. */
    record Resolve(String id, boolean post, long amount, Authority authority,
                   CompletableFuture<Outcome<TransferView>> future) implements Request {
        public List<String> indexKeys() {
            return List.of(id);
        }

        public Object execute(CommandProcessor p) {
            return post ? p.post(id, amount, authority) : p.voidHold(id, authority);
        }
    }

    /** Post in full ({@code post} true) or void several holds atomically. */
    record ResolveAll(List<String> ids, boolean post, CompletableFuture<List<Outcome<TransferView>>> future)
            implements Request {
        public List<String> indexKeys() {
            return ids;
        }

        public int weight() {
            return ids.size();
        }

        public Object execute(CommandProcessor p) {
            return p.resolveAll(ids, post);
        }
    }

    /** A page of accounts in id order after {@code afterId}; read on the writer thread, which owns the state. */
    record ListAccounts(String afterId, int limit, CompletableFuture<Outcome<Page<AccountView>>> future)
            implements Request {
        public Object execute(CommandProcessor p) {
            return p.listAccounts(afterId, limit);
        }
    }

    record LookupTransfer(String id, CompletableFuture<Outcome<TransferView>> future) implements Request {
        public List<String> indexKeys() {
            return List.of(id);
        }

        public Object execute(CommandProcessor p) {
            return p.lookupTransfer(id);
        }
    }

    /** Asks the writer to encode a snapshot after this batch; completes with the file name. */
    record Snapshot(CompletableFuture<String> future) implements Request {
        public Object execute(CommandProcessor p) {
            return null; // handled by the apply stage, which owns the state
        }
    }

    /**
     * Reconciliation probe: balances of the named accounts, plus {@code sampleSize} accounts picked at
     * random, at one ledger instant.
     */
    record Probe(List<String> accountIds, int sampleSize, CompletableFuture<ProbeResult> future) implements Request {
        public Object execute(CommandProcessor p) {
            return null; // handled by the apply stage
        }
    }

    /** What a probe saw: account views (null where absent) as of ledger time {@code asOf}. */
    record ProbeResult(List<AccountView> accounts, long asOf) {
    }
}
