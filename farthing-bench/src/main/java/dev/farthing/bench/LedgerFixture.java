package dev.farthing.bench;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Prepares a ledger for a run (accounts, wallet funding) and audits it afterwards. Setup goes through the
 * {@link Ledger} API directly in every mode: it is not measured, and the audit must not trust the transport
 * under test.
 */
public final class LedgerFixture implements Audited {
    private static final int SETUP_CHUNK = 4096;
    private final Ledger ledger;
    private final Population population;
    private long fundingTransfers;
    private long expectedTransfers;
    private long expectedAmount;

    public LedgerFixture(Ledger ledger, Population population) {
        this.ledger = ledger;
        this.population = population;
    }

    /** Opens every account and funds every wallet from settlement; throws if anything is refused. */
    public void prepare() {
        List<NewAccount> accounts = new ArrayList<>();
        accounts.add(account(Population.SETTLEMENT, AccountKind.SETTLEMENT));
        population.walletIds().forEach(id -> accounts.add(account(id, AccountKind.WALLET)));
        for (String id : population.payeeIds()) {
            AccountKind kind = id.equals(Population.PLATFORM_FEE) ? AccountKind.FEE : AccountKind.MERCHANT;
            accounts.add(account(id, kind));
        }
        for (int from = 0; from < accounts.size(); from += SETUP_CHUNK) {
            List<CompletableFuture<Outcome<AccountView>>> pending = new ArrayList<>();
            for (NewAccount a : accounts.subList(from, Math.min(accounts.size(), from + SETUP_CHUNK))) {
                pending.add(ledger.createAccount(a));
            }
            pending.forEach(f -> f.join().orThrow());
        }
        fundWallets();
    }

    private void fundWallets() {
        List<String> wallets = population.walletIds();
        for (int from = 0; from < wallets.size(); from += SETUP_CHUNK) {
            List<NewTransfer> batch = new ArrayList<>();
            for (String wallet : wallets.subList(from, Math.min(wallets.size(), from + SETUP_CHUNK))) {
                batch.add(NewTransfer.simple("fund-" + wallet, Population.SETTLEMENT, wallet,
                        Population.WALLET_FUNDING, population.currency()));
            }
            for (Outcome<TransferView> o : ledger.createTransfers(batch, false).join()) {
                o.orThrow();
            }
            fundingTransfers += batch.size();
        }
    }

    private NewAccount account(String id, AccountKind kind) {
        return new NewAccount(id, population.currency(), kind, null, 0, Map.of());
    }

    /** Adds what a phase acknowledged (warm-up included) to what the ledger must contain at the end. */
    @Override
    public void expect(Phase phase) {
        expectedTransfers += phase.transfersAcked();
        expectedAmount += phase.amountAcked();
    }

    /**
     * Checks conservation (every balance, settlement included, sums to zero), that payees hold exactly the
     * acknowledged amount, and that the ledger committed exactly the acknowledged transfers. Returns the
     * problems found; empty means the run is trustworthy.
     */
    @Override
    public List<String> audit(boolean anyFailures) {
        List<String> problems = new ArrayList<>();
        long sum = balance(Population.SETTLEMENT);
        for (String id : population.walletIds()) {
            sum += balance(id);
        }
        long payees = 0;
        for (String id : population.payeeIds()) {
            payees += balance(id);
        }
        sum += payees;
        if (sum != 0) {
            problems.add("conservation broken: balances in " + population.currency() + " sum to " + sum + ", not 0");
        }
        if (payees != expectedAmount && !anyFailures) {
            problems.add("payees hold " + payees + " units but " + expectedAmount + " were acknowledged");
        }
        long committed = ledger.health().transfersCommitted();
        long expected = fundingTransfers + expectedTransfers;
        if (committed != expected && !anyFailures) {
            problems.add("ledger reports " + committed + " committed transfers, acknowledged " + expected
                    + " (" + fundingTransfers + " funding + " + expectedTransfers + " payments)");
        }
        return problems;
    }

    private long balance(String id) {
        return ledger.lookupAccount(id).join().orThrow().balance();
    }
}
