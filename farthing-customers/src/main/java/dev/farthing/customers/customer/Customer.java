package dev.farthing.customers.customer;

import java.util.List;

/**
 * A customer as the engine keeps it: pseudonymous fields only. The personal data lives sealed in the vault of
 * {@code zone}; {@code namePseudonym} and {@code emailPseudonym} are keyed HMACs (stable, not reversible without
 * the vault's pseudonym key) for matching without exposure. {@code kyc} is the latest verification (null at
 * tier 0). {@code erasedAt} is when the subject's data key was destroyed; {@code retained} says which personal
 * fields an erasure request had to keep, why and until when; {@code hold} is an open legal hold (AML case).
 * Times are ledger time in ns.
 */
public record Customer(String id, CustomerType type, String country, String zone, List<String> accountIds, int tier,
                       KycVerification kyc, boolean frozen, long createdAt, String namePseudonym,
                       String emailPseudonym, Long erasedAt, Retained retained, LegalHold hold) {

    /** Personal fields kept after an erasure request: {@code why} {@code record_retention}, {@code basis} the law. */
    public record Retained(List<String> fields, String why, String basis, long requestedAt, long until) {
        public Retained {
            fields = List.copyOf(fields);
        }
    }

    /** An open legal hold: nothing personal is erased while it stands. */
    public record LegalHold(String caseRef, String placedBy, long placedAt) {
    }

    public Customer {
        accountIds = List.copyOf(accountIds);
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Customer withKyc(KycVerification v) {
        return new Customer(id, type, country, zone, accountIds, v.tier(), v, frozen, createdAt, namePseudonym,
                emailPseudonym, erasedAt, retained, hold);
    }

    public Customer withFrozen(boolean f) {
        return new Customer(id, type, country, zone, accountIds, tier, kyc, f, createdAt, namePseudonym,
                emailPseudonym, erasedAt, retained, hold);
    }

    public Customer withErasure(Long at, Retained r) {
        return new Customer(id, type, country, zone, accountIds, tier, kyc, frozen, createdAt, namePseudonym,
                emailPseudonym, at, r, hold);
    }

    public Customer withHold(LegalHold h) {
        return new Customer(id, type, country, zone, accountIds, tier, kyc, frozen, createdAt, namePseudonym,
                emailPseudonym, erasedAt, retained, h);
    }
}
