package dev.farthing.ledger.api;

import dev.farthing.ledger.engine.LedgerEngine;

/** Opens ledgers: recovers from the data directory, then accepts commands. */
public final class Ledgers {
    private Ledgers() {
    }

    /**
     * Opens (creating if empty) the ledger in {@code config.dataDir()}. Throws
     * {@link dev.farthing.ledger.journal.CorruptionException} naming file and offset when the journal or a
     * snapshot is damaged beyond a torn tail.
     */
    public static Ledger open(LedgerConfig config) {
        return LedgerEngine.open(config);
    }
}
