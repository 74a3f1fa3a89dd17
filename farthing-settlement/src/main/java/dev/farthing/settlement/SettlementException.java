package dev.farthing.settlement;

import dev.farthing.contracts.Refusal;

/** A settlement command refused for a reason the caller can act on ({@link SettlementError}). */
public final class SettlementException extends Refusal {
    public SettlementException(SettlementError error, String detail) {
        super(error, detail);
    }

    public SettlementException(SettlementError error, String detail, String field) {
        super(error, detail, field);
    }

    public SettlementError error() {
        return (SettlementError) reason();
    }
}
