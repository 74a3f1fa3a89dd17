package dev.farthing.ledger.model;

import java.util.Locale;

/** A plain transfer is POSTED at once; a hold starts PENDING and ends POSTED, VOIDED or EXPIRED. */
public enum TransferStatus {
    POSTED, PENDING, VOIDED, EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
