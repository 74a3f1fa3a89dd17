package dev.farthing.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The accounts a benchmark run uses, identical for every mode so results compare. Wallets are funded from
 * the settlement account (kind {@code settlement} may go negative) with far more than any run can spend, so
 * no payment is ever refused for funds and a refusal always means a bug.
 */
public final class Population {
    public static final String SETTLEMENT = "settlement";
    public static final String CREATOR = "creator";
    public static final String PLATFORM_FEE = "platform-fee";
    /** 10^12 micro-units = 1,000,000.00 USD per wallet; 10,000 wallets stay far inside a 64-bit balance. */
    public static final long WALLET_FUNDING = 1_000_000_000_000L;
    /** Largest payment: 10,000 micro-dollars = one cent, a typical micropayment. */
    public static final long MAX_PAYMENT = 10_000;

    /**
     * Account ids are rendered once: the generator shares the two cores with the system under test, and
     * formatting "w" + i per payment was a visible share of its CPU time in profiles.
     */
    private final String currency;
    private final String[] walletNames;
    private final String[] merchantNames;

    private Population(String currency, String[] walletNames, String[] merchantNames) {
        this.currency = currency;
        this.walletNames = walletNames;
        this.merchantNames = merchantNames;
    }

    public static Population of(BenchOptions o) {
        return of("USD", o.wallets(), o.merchants());
    }

    public static Population of(String currency, int wallets, int merchants) {
        String[] walletNames = new String[wallets];
        for (int i = 0; i < wallets; i++) {
            walletNames[i] = "w" + i;
        }
        String[] merchantNames = new String[merchants];
        for (int i = 0; i < merchants; i++) {
            merchantNames[i] = "m" + i;
        }
        return new Population(currency, walletNames, merchantNames);
    }

    public String currency() {
        return currency;
    }

    public int wallets() {
        return walletNames.length;
    }

    public int merchants() {
        return merchantNames.length;
    }

    public String wallet(int i) {
        return walletNames[i];
    }

    public String merchant(int i) {
        return merchantNames[i];
    }

    /** Fee of a hot payment: 5%, at least one unit. */
    public static long feeFor(long amount) {
        return Math.max(1, amount / 20);
    }

    public List<String> walletIds() {
        return List.of(walletNames);
    }

    /** Accounts that only receive in the workloads: merchants, the creator and the fee account. */
    public List<String> payeeIds() {
        List<String> ids = new ArrayList<>(merchantNames.length + 2);
        ids.addAll(List.of(merchantNames));
        ids.add(CREATOR);
        ids.add(PLATFORM_FEE);
        return ids;
    }

    public long totalFunding() {
        return WALLET_FUNDING * walletNames.length;
    }
}
