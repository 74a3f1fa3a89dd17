package dev.farthing.risk.features;

/**
 * The entities that get windowed counts, with the feature-name prefix of each. Distinct counts per kind:
 * payer — payees; payee — payers and young payers; device — accounts and instruments; IP — accounts and
 * instruments; instrument — accounts; content — none.
 */
enum EntityKind {
    PAYER("payer"),
    PAYEE("payee"),
    DEVICE("device"),
    IP("ip"),
    INSTRUMENT("instrument"),
    CONTENT("content");

    final String prefix;

    EntityKind(String prefix) {
        this.prefix = prefix;
    }
}
