package dev.farthing.settlement.connector;

import java.time.LocalDate;

/** Where a payout stands at a provider, as the provider reports it (by poll or by webhook). */
public sealed interface ProviderStatus {

    /** Accepted and not yet final. */
    record Pending(String providerReference) implements ProviderStatus {
    }

    /** Paid: {@code feeMinor} is what the provider charged (in the payout's currency), {@code valueDate} the bank day. */
    record Paid(String providerReference, long amountMinor, long feeMinor, LocalDate valueDate) implements ProviderStatus {
    }

    /** Final failure: the money did not leave, so the payout's hold may be voided. */
    record Failed(String providerReference, String reason) implements ProviderStatus {
    }

    /** The provider has no payout under that idempotency key: a submit that timed out never arrived. */
    record NotFound() implements ProviderStatus {
    }

    /** The provider could not be asked (it timed out again); try later, change nothing. */
    record Unreachable(String reason) implements ProviderStatus {
    }
}
