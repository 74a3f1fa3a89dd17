package dev.farthing.ledger.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciliation circuit breaker. Once tripped it stays open — money movement is refused, reads go on —
 * until an operator resets it: an automatic reset would resume moving money over a known discrepancy.
 */
public final class Breaker {
    private static final Logger LOG = LoggerFactory.getLogger(Breaker.class);
    private volatile String reason;
    private volatile long trips;

    public boolean isOpen() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    public long trips() {
        return trips;
    }

    public synchronized void trip(String discrepancy) {
        if (reason == null) {
            LOG.error("RECONCILIATION BREACH, circuit breaker OPEN, money movement stopped: {}", discrepancy);
            reason = discrepancy;
            trips++;
        }
    }

    public synchronized void reset(String operator) {
        if (reason != null) {
            LOG.warn("circuit breaker reset by {} (was: {})", operator, reason);
            reason = null;
        }
    }
}
