package dev.farthing.ledger.api;

import dev.farthing.ledger.engine.LedgerEngine;

import java.time.Clock;

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

    /**
     * The same on {@code clock}: ledger time is {@code max(clock, last + 1)}, so a test clock that jumps ahead
     * expires holds deterministically, and one that stands still never moves time backwards.
     */
    public static Ledger open(LedgerConfig config, Clock clock) {
        return LedgerEngine.open(config, clock);
    }
}
