package dev.farthing.settlement.payout;

import dev.farthing.ledger.model.Validation;

import java.util.Objects;

/**
 * Someone paid out: the ledger account their earnings, refunds, chargebacks and fees are booked on (so its balance
 * is already the net of them), where the money goes, and the {@link Schedule}.
 */
public record Payee(String id, String account, String currency, String country, String beneficiaryName,
                    String beneficiaryAccount, Schedule schedule) {

    public Payee {
        Validation.requireId("payee id", id);
        Validation.requireId("account", account);
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(schedule, "schedule");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code: " + country);
        }
        if (beneficiaryName == null || beneficiaryName.isBlank() || beneficiaryAccount == null || beneficiaryAccount.isBlank()) {
            throw new IllegalArgumentException("beneficiary name and account are required");
        }
    }
}
