package dev.farthing.settlement.connector;

import java.util.Objects;

/**
 * What a provider is asked to pay. The idempotency key is sent to the provider with every submit, status and
 * cancel, so a retried submit after a timeout can never become a second payment on the provider's side.
 *
 * @param idempotencyKey     stable per payout attempt at one provider; the provider dedups on it
 * @param payoutId           Farthing's payout id (also the end-to-end reference on statements)
 * @param payeeId            the ledger account being paid out
 * @param currency           ISO 4217 code
 * @param scale              the currency's minor-unit scale (2 for EUR, 0 for JPY)
 * @param amountMinor        positive amount in minor units
 * @param country            ISO 3166-1 alpha-2 of the beneficiary's bank
 * @param beneficiaryName    as the bank should see it
 * @param beneficiaryAccount IBAN or the provider's account token
 */
public record PayoutInstruction(String idempotencyKey, String payoutId, String payeeId, String currency, int scale,
                                long amountMinor, String country, String beneficiaryName, String beneficiaryAccount) {

    public PayoutInstruction {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(payeeId, "payeeId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(beneficiaryAccount, "beneficiaryAccount");
        if (amountMinor <= 0) {
            throw new IllegalArgumentException("amountMinor must be positive: " + amountMinor);
        }
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale out of range: " + scale);
        }
    }
}
