package dev.farthing.ledger.model;

import java.util.Locale;

/** What an account is for. Only {@link #WALLET} defaults to no-overdraft. */
public enum AccountKind {
    WALLET, MERCHANT, FEE, ESCROW, SETTLEMENT, SUSPENSE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; throws {@link LedgerException} {@code invalid_request} for anything else. */
    public static AccountKind fromWire(String wire) {
        for (AccountKind kind : values()) {
            if (kind.wire().equals(wire)) {
                return kind;
            }
        }
        throw new LedgerException(ErrorCode.INVALID_REQUEST, "unknown account kind: " + wire);
    }

    public boolean defaultNoOverdraft() {
        return this == WALLET;
    }
}
