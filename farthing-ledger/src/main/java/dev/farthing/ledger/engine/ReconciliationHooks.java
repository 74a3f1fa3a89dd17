package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.ReconciliationCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Domain modules' reconciliation checks (registered through their system handles), run every
 * {@link #INTERVAL_MS} on a thread of their own: a slow check delays neither the writer nor the ledger's own
 * sampled reconciliation, and the writer never waits for it. A discrepancy trips the breaker; a check that
 * throws is logged and tried again next round (it could not look, which is not a breach).
 */
final class ReconciliationHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationHooks.class);
    static final long INTERVAL_MS = 250;

    private record Hook(Object owner, String module, ReconciliationCheck check) {
    }

    private final CopyOnWriteArrayList<Hook> hooks = new CopyOnWriteArrayList<>();
    private final Breaker breaker;
    private volatile boolean running = true;
    private Thread thread;

    ReconciliationHooks(Breaker breaker) {
        this.breaker = breaker;
    }

    void start() {
        thread = BackgroundThread.start("farthing-reconciler-hooks", this::loop);
    }

    void add(Object owner, String module, ReconciliationCheck check) {
        hooks.add(new Hook(owner, module, check));
    }

    void remove(Object owner, ReconciliationCheck check) {
        hooks.removeIf(h -> h.owner() == owner && h.check() == check);
    }

    void removeAll(Object owner) {
        hooks.removeIf(h -> h.owner() == owner);
    }

    void stop() {
        running = false;
        BackgroundThread.stop(thread);
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
            for (Hook h : hooks) {
                runOne(h);
            }
        }
    }

    private void runOne(Hook h) {
        try {
            String discrepancy = h.check().discrepancy();
            if (discrepancy != null) {
                breaker.trip(h.module() + ": " + discrepancy);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("{} reconciliation check could not run; retrying next round: {}", h.module(), e.toString());
            }
        }
    }
}
