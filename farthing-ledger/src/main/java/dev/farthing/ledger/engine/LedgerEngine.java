package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;

/** The single-writer ledger pipeline (being written). */
public final class LedgerEngine {
    private LedgerEngine() {
    }

    public static Ledger open(LedgerConfig config) {
        throw new UnsupportedOperationException("engine not yet wired");
    }
}
