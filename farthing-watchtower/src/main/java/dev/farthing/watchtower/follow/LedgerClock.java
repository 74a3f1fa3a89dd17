package dev.farthing.watchtower.follow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;

/**
 * The engine's ledger time as the tower last saw it: the newest of every event's {@code at} and every page's
 * ledger time, refreshed from the engine before each penalty attempt. It never moves backwards and never
 * reads the tower's own clock, so a tower whose clock is hours off still judges dispute windows exactly as
 * the engine does. Unknown (null) until the engine has answered once.
 */
public final class LedgerClock {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerClock.class);
    private final EventSource source;
    private volatile Instant latest;

    public LedgerClock(EventSource source) {
        this.source = source;
    }

    /** Takes a ledger time the engine reported; older ones are ignored. */
    public void observe(Instant ledgerTime) {
        Instant seen = latest;
        if (ledgerTime != null && (seen == null || ledgerTime.isAfter(seen))) {
            latest = ledgerTime;
        }
    }

    /** The newest ledger time seen, or null before the first answer. */
    public Instant latest() {
        return latest;
    }

    /** Asks the engine for its ledger time; when it does not answer, the newest time already seen. */
    Instant refresh() throws InterruptedException {
        try {
            observe(source.ledgerNow());
        } catch (IOException e) {
            LOG.debug("Ledger time unavailable ({}); judging by the last seen, {}", e.getMessage(), latest);
        }
        return latest;
    }
}
