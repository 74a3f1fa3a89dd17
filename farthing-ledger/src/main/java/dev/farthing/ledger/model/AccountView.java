package dev.farthing.ledger.model;

import java.util.Map;

/**
 * An account and its balances at one instant. {@code balance} is credits minus debits posted (what the
 * holder owns, for a wallet); {@code available} is balance minus pending debits.
 */
public record AccountView(String id, String currency, AccountKind kind, boolean noOverdraft, long creditLimit,
                          Map<String, String> metadata, AccountStatus status,
                          long debitsPosted, long creditsPosted, long debitsPending, long creditsPending,
                          long createdAt) {

    public long balance() {
        return creditsPosted - debitsPosted;
    }

    public long available() {
        return creditsPosted - debitsPosted - debitsPending;
    }
}
