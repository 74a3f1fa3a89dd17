package dev.farthing.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The crash test's little economy, in two currencies: funded wallets paying one hot creator account and
 * one hot platform-fee account (where real micropayment ledgers contend), plus a "poor" wallet whose
 * payment-and-fee pairs always exceed its balance, so their atomic refusal can be checked across crashes.
 */
final class CrashAccounts {
    static final long WALLET_FUNDING = 1_000_000_000_000L;
    static final long POOR_FUNDING = 1_000;
    static final long POOR_LEG = 600;

    /** One currency's accounts. */
    record Book(String currency, String funding, List<String> wallets, String creator, String platform) {
    }

    static final Book USD = book("USD", 6);
    static final Book EUR = book("EUR", 3);
    static final String POOR = "usd.poor";

    private CrashAccounts() {
    }

    private static Book book(String currency, int wallets) {
        String prefix = currency.toLowerCase(java.util.Locale.ROOT);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            ids.add(prefix + ".w" + i);
        }
        return new Book(currency, prefix + ".funding", ids, prefix + ".creator", prefix + ".platform");
    }

    /** Every account as {id, currency, kind}. */
    static List<String[]> all() {
        List<String[]> all = new ArrayList<>();
        for (Book b : List.of(USD, EUR)) {
            all.add(new String[] {b.funding(), b.currency(), "settlement"});
            b.wallets().forEach(w -> all.add(new String[] {w, b.currency(), "wallet"}));
            all.add(new String[] {b.creator(), b.currency(), "merchant"});
            all.add(new String[] {b.platform(), b.currency(), "fee"});
        }
        all.add(new String[] {POOR, "USD", "wallet"});
        return all;
    }

    /** The transfers that fund every wallet before the load starts. */
    static List<Leg> fundingLegs() {
        List<Leg> legs = new ArrayList<>();
        for (Book b : List.of(USD, EUR)) {
            b.wallets().forEach(w -> legs.add(new Leg("fund." + w, b.funding(), w, WALLET_FUNDING, b.currency())));
        }
        legs.add(new Leg("fund." + POOR, USD.funding(), POOR, POOR_FUNDING, "USD"));
        return legs;
    }
}
