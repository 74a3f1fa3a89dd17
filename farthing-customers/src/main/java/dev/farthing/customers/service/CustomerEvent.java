package dev.farthing.customers.service;

import dev.farthing.customers.customer.CustomerType;

import java.util.List;

/**
 * What the customer log records: never personal data, only ids, pseudonyms, tiers, amounts and ledger times
 * (ns). {@code piiRef} names the sealed record in the vault of {@code zone}.
 */
sealed interface CustomerEvent {

    record Created(String id, CustomerType type, String country, String zone, List<String> accountIds, long at,
                   String namePseudonym, String emailPseudonym, String piiRef) implements CustomerEvent {
    }

    record Verified(String id, int tier, String evidenceRef, String verifiedBy, long at, String jurisdiction,
                    String profileVersion) implements CustomerEvent {
    }

    record Frozen(String id, boolean frozen, String by, String reason, long at) implements CustomerEvent {
    }

    record Reserved(String paymentId, String customerId, String currency, long amount, long at) implements CustomerEvent {
    }

    record Released(String paymentId) implements CustomerEvent {
    }

    /** A read of personal data: who, with which role, why. The audit trail of PII access. */
    record PersonalDataRead(String id, String who, String role, String reason, long at) implements CustomerEvent {
    }

    record Erased(String id, long at, String by, String reason) implements CustomerEvent {
    }
}
