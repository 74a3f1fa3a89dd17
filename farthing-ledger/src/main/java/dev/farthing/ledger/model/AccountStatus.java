package dev.farthing.ledger.model;

import java.util.Locale;

/** Frozen accounts neither send nor receive; closed is final and needs zero balances. */
public enum AccountStatus {
    OPEN, FROZEN, CLOSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
