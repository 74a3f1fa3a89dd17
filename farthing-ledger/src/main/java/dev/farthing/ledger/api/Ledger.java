package dev.farthing.ledger.api;

import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The wallet ledger. Every method is safe to call from any thread; commands are applied in order by one
 * writer thread and a future completes only once its effect is durable (fsynced). Reads are linearised
 * with writes: a read sees every write acknowledged before it was issued.
 *
 * <p>Refusals come back as {@link Outcome#fail}, never as exceptions; a future completes exceptionally only
 * when the ledger itself is closed or broken. Breaking the method contract (an empty batch, one over
 * {@link #MAX_BATCH}) is a programming error and throws {@link IllegalArgumentException} at once, as does
 * {@link #snapshot()} when the ledger cannot take work ({@link IllegalStateException}).
 */
public interface Ledger extends AutoCloseable {

    List<Currency> currencies();

    /**
     * Ledger time now, in nanoseconds since the epoch: the ledger's clock, never earlier than the last durable
     * commit. Services built on the ledger (hold expiry, channel settle delays) read time here, never from the
     * wall clock, so a test that gives the ledger a clock controls every deadline.
     */
    long now();

    CompletableFuture<Outcome<AccountView>> createAccount(NewAccount account);

    CompletableFuture<Outcome<AccountView>> lookupAccount(String id);

    /** Freeze ({@code FROZEN}), unfreeze ({@code OPEN}) or close ({@code CLOSED}, needs zero balances). */
    CompletableFuture<Outcome<AccountView>> changeAccountStatus(String id, AccountStatus status);

    CompletableFuture<Outcome<TransferView>> createTransfer(NewTransfer transfer);

    /**
     * Up to {@link #MAX_BATCH} transfers. Atomic: all commit or none does (the failing ones carry their
     * own code, the rest {@code linked_transfer_failed}); holds of one atomic batch with the same timeout share
     * one deadline, so they expire together, in one journaled batch. Not atomic: each stands alone.
     */
    CompletableFuture<List<Outcome<TransferView>>> createTransfers(List<NewTransfer> transfers, boolean atomic);

    /** Posts a hold; {@code amount} 0 posts all of it, less posts part and releases the rest. */
    CompletableFuture<Outcome<TransferView>> postPending(String transferId, long amount);

    CompletableFuture<Outcome<TransferView>> voidPending(String transferId);

    /**
     * Posts in full ({@code post} true) or voids every named hold as one atomic step: all resolve in one
     * journaled batch or none does. A hold already resolved the same way is an idempotent repeat and counts as
     * done; any other refusal (already resolved otherwise, expired, not found, frozen account) fails the whole
     * call: the failing ones carry their own code, the rest {@code linked_transfer_failed}, nothing moves.
     * 1..{@link #MAX_BATCH} distinct ids, else {@link IllegalArgumentException}.
     */
    CompletableFuture<List<Outcome<TransferView>>> resolvePending(List<String> transferIds, boolean post);

    CompletableFuture<Outcome<TransferView>> lookupTransfer(String id);

    /**
     * Accounts in id order, {@code limit} (1..{@link #MAX_PAGE}) at a time, starting after the id {@code afterId}
     * (null: from the first); the page's next cursor is its last id, null on the last page. Accounts are never
     * deleted, so paging while others are opened neither repeats nor skips one that existed when paging began.
     */
    CompletableFuture<Outcome<Page<AccountView>>> listAccounts(String afterId, int limit);

    /** Transfers debiting or crediting the account, newest first; {@code cursor} from the previous page. */
    CompletableFuture<Outcome<Page<TransferView>>> listAccountTransfers(String accountId, int limit, String cursor);

    /**
     * The system handle of engine module {@code module} ({@code [a-z][a-z0-9_]*}): the only way to create or move
     * accounts in the reserved namespace ({@code sys.}, {@code channels.}), and only under the module's own
     * prefix. Every other method of this interface acts as a client and is refused {@code system_account} on a
     * reserved account. One claim per module at a time: the server wires each module's handle at start-up, and a
     * second claim while the first is open throws {@link IllegalStateException}, so nothing reached later
     * (an HTTP handler, say) can obtain one.
     */
    SystemLedger system(String module);

    /** The read-only tail of durable events, for consumers that follow the ledger; see {@link LedgerEventTail}. */
    LedgerEventTail events();

    /** Writes a snapshot now; completes with its file name. */
    CompletableFuture<String> snapshot();

    LedgerHealth health();

    /** Closes the circuit breaker after an operator has looked at the discrepancy. */
    void resetBreaker(String operator);

    /** What start-up found: snapshot loaded, batches replayed, torn tail truncated. */
    RecoveryReport recovery();

    @Override
    void close();

    int MAX_BATCH = 8192;
    int MAX_PAGE = 1000;
}
