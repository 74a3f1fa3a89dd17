package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Page;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A ledger for settlement tests: USD and EUR at scale 6 (micro units), JPY at 0; helpers to fund payees. */
final class TestLedger {
    static final List<Currency> CURRENCIES = List.of(new Currency("USD", 6), new Currency("EUR", 6), new Currency("JPY", 0));
    private static final AtomicLong IDS = new AtomicLong();

    private TestLedger() {
    }

    static Ledger open(Path dir) {
        return Ledgers.open(LedgerConfig.defaults(dir).withCurrencies(CURRENCIES).withFsync(false));
    }

    static void account(Ledger ledger, String id, String currency) {
        ledger.createAccount(new NewAccount(id, currency, AccountKind.MERCHANT, false, 0, Map.of())).join().orThrow();
    }

    /** Moves {@code amount} ledger units from the platform's clearing account to {@code to} (code: earning, refund...). */
    static void book(Ledger ledger, String from, String to, long amount, String currency, String code) {
        ledger.createTransfer(new NewTransfer("t" + IDS.incrementAndGet() + "-" + System.nanoTime(), from, to, amount,
                currency, code, null, Map.of(), 0)).join().orThrow();
    }

    static AccountView view(Ledger ledger, String id) {
        return ledger.lookupAccount(id).join().orThrow();
    }

    static long balance(Ledger ledger, String id) {
        var o = ledger.lookupAccount(id).join();
        return o.isOk() ? o.value().balance() : 0;
    }

    /** Every account's balance, per currency, sums to zero, pending holds included: no money made or lost. */
    static Map<String, Long> assertConserved(Ledger ledger) {
        Map<String, Long> posted = new HashMap<>();
        Map<String, Long> pending = new HashMap<>();
        String after = null;
        while (true) {
            Page<AccountView> page = ledger.listAccounts(after, 1000).join().orThrow();
            for (AccountView a : page.items()) {
                posted.merge(a.currency(), a.balance(), Math::addExact);
                pending.merge(a.currency(), a.creditsPending() - a.debitsPending(), Math::addExact);
            }
            after = page.nextCursor();
            if (after == null) break;
        }
        posted.forEach((c, v) -> assertThat(v).as("posted sum of " + c).isZero());
        pending.forEach((c, v) -> assertThat(v).as("pending sum of " + c).isZero());
        return posted;
    }
}
