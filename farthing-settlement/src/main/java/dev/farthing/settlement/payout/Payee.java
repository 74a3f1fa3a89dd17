package dev.farthing.settlement.payout;

import dev.farthing.ledger.model.Validation;

import java.util.Objects;

/**
 * Someone paid out: the ledger account their earnings, refunds, chargebacks and fees are booked on (so its balance
 * is already the net of them), where the money goes, and the {@link Schedule}. {@code payoutCurrency}: what the
 * beneficiary is paid in (null or {@code currency}: the account's own); another currency is converted at the latest
 * rate, less {@code fxSpreadBps}, when the payout is planned (the quote is recorded on the payout). Both are
 * optional in stored events (a payee recorded before they existed reads as paid in its own currency).
 */
public record Payee(String id, String account, String currency, String country, String beneficiaryName,
                    String beneficiaryAccount, Schedule schedule, String payoutCurrency, Integer fxSpreadBps) {

    public Payee(String id, String account, String currency, String country, String beneficiaryName,
                 String beneficiaryAccount, Schedule schedule) {
        this(id, account, currency, country, beneficiaryName, beneficiaryAccount, schedule, null, 0);
    }

    public Payee {
        Validation.requireId("payee id", id);
        Validation.requireId("account", account);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(schedule, "schedule");
        if (payoutCurrency == null) payoutCurrency = currency;
        if (fxSpreadBps == null) fxSpreadBps = 0; // a payee stored before payouts could convert
        if (!payoutCurrency.matches("[A-Z]{3}")) throw new IllegalArgumentException("payout currency must be ISO 4217: " + payoutCurrency);
        if (fxSpreadBps < 0 || fxSpreadBps >= 10_000) throw new IllegalArgumentException("fx spread must be 0..9999 bps: " + fxSpreadBps);
        if (payoutCurrency.equals(currency) && fxSpreadBps != 0) throw new IllegalArgumentException("an fx spread needs another payout currency");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code: " + country);
        }
        if (beneficiaryName == null || beneficiaryName.isBlank() || beneficiaryAccount == null || beneficiaryAccount.isBlank()) {
            throw new IllegalArgumentException("beneficiary name and account are required");
        }
    }

    public boolean converts() {
        return !payoutCurrency.equals(currency);
    }
}
