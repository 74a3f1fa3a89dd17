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

    /**
     * An erasure request carried out: {@code keyDestroyed} (crypto-shredded: every personal field gone), or the
     * {@code keptFields} re-sealed as record {@code piiRef} and kept {@code why} ({@code record_retention},
     * {@code legal_hold}) under {@code basis} until {@code keptUntil} (0: until the hold is released).
     */
    record Erased(String id, long at, String by, String reason, List<String> erasedFields, boolean keyDestroyed,
                  List<String> keptFields, String why, String basis, long keptUntil, String piiRef)
            implements CustomerEvent {
        public Erased {
            erasedFields = List.copyOf(erasedFields);
            keptFields = List.copyOf(keptFields);
        }
    }

    /** A legal hold placed ({@code caseRef}) or released ({@code caseRef} null). */
    record HoldChanged(String id, String caseRef, String by, long at) implements CustomerEvent {
    }
}
