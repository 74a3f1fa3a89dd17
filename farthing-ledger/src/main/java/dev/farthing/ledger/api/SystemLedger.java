package dev.farthing.ledger.api;

import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One engine module's handle on the ledger ({@link Ledger#system}): the same commands as {@link Ledger}, and
 * the same rules, except that they may also create and move the reserved accounts under {@link #prefix()}
 * ({@code channels.} for the channel service, {@code sys.<module>.} otherwise). Other modules' reserved
 * accounts stay refused ({@code system_account}), and so does a reserved account a client made before the
 * namespace was reserved ({@link #clientMadeAccounts()}). Handed to the module when it is wired; closing it
 * releases the module's claim and removes its reconciliation checks.
 */
public interface SystemLedger extends AutoCloseable {

    String module();

    /** The account id prefix this handle owns. */
    String prefix();

    List<Currency> currencies();

    /** Ledger time, as {@link Ledger#now()}. */
    long now();

    CompletableFuture<Outcome<AccountView>> createAccount(NewAccount account);

    CompletableFuture<Outcome<AccountView>> lookupAccount(String id);

    CompletableFuture<Outcome<AccountView>> changeAccountStatus(String id, AccountStatus status);

    CompletableFuture<Outcome<TransferView>> createTransfer(NewTransfer transfer);

    CompletableFuture<List<Outcome<TransferView>>> createTransfers(List<NewTransfer> transfers, boolean atomic);

    CompletableFuture<Outcome<TransferView>> postPending(String transferId, long amount);

    CompletableFuture<Outcome<TransferView>> voidPending(String transferId);

    /**
     * Accounts under {@link #prefix()} that a client created before the namespace was reserved (found at
     * start-up, id order). The ledger refuses every command on them; the module should say why it will not
     * serve what they were for.
     */
    List<String> clientMadeAccounts();

    /** Adds a check to continuous reconciliation (every 250 ms); a discrepancy trips the breaker. */
    void addReconciliation(ReconciliationCheck check);

    /** Removes a check added by {@link #addReconciliation} (a module that stops before its handle is closed). */
    void removeReconciliation(ReconciliationCheck check);

    /** Releases the claim; later calls throw {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
