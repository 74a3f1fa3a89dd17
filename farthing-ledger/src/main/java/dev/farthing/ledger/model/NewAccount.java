package dev.farthing.ledger.model;

import java.util.Map;

/**
 * A request to open an account. {@code noOverdraft} null means the kind's default (true for wallets);
 * {@code creditLimit} lets a no-overdraft account go that many units below zero (0 = none).
 * Repeating the same request is idempotent; the same id with a different body is {@code id_conflict}.
 */
public record NewAccount(String id, String currency, AccountKind kind, Boolean noOverdraft,
                         long creditLimit, Map<String, String> metadata) {

    public NewAccount {
        Validation.requireId("account id", id);
        if (currency == null) {
            throw Validation.invalid("currency is required");
        }
        if (kind == null) {
            throw Validation.invalid("kind is required");
        }
        if (creditLimit < 0) {
            throw Validation.invalid("credit_limit must not be negative");
        }
        metadata = Validation.requireMetadata(metadata);
    }

    public boolean effectiveNoOverdraft() {
        return noOverdraft != null ? noOverdraft : kind.defaultNoOverdraft();
    }
}
