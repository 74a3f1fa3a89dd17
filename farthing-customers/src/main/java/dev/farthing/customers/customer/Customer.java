package dev.farthing.customers.customer;

import java.util.List;

/**
 * A customer as the engine keeps it: pseudonymous fields only. The personal data lives sealed in the vault of
 * {@code zone}; {@code namePseudonym} and {@code emailPseudonym} are keyed HMACs (stable, not reversible without
 * the vault's pseudonym key) for matching without exposure. {@code kyc} is the latest verification (null at
 * tier 0). Times are ledger time in ns.
 */
public record Customer(String id, CustomerType type, String country, String zone, List<String> accountIds, int tier,
                       KycVerification kyc, boolean frozen, long createdAt, String namePseudonym,
                       String emailPseudonym, Long erasedAt) {

    public Customer {
        accountIds = List.copyOf(accountIds);
    }

    public boolean erased() {
        return erasedAt != null;
    }

    public Customer withKyc(KycVerification v) {
        return new Customer(id, type, country, zone, accountIds, v.tier(), v, frozen, createdAt, namePseudonym,
                emailPseudonym, erasedAt);
    }

    public Customer withFrozen(boolean f) {
        return new Customer(id, type, country, zone, accountIds, tier, kyc, f, createdAt, namePseudonym,
                emailPseudonym, erasedAt);
    }

    public Customer withErasedAt(long at) {
        return new Customer(id, type, country, zone, accountIds, tier, kyc, frozen, createdAt, namePseudonym,
                emailPseudonym, at);
    }
}
