package dev.farthing.ledger.engine;

import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Continuous sampled reconciliation: every few hundred milliseconds it takes a few accounts' balances
 * at one ledger instant, waits until the index holds that instant, and recomputes each balance from the
 * account's own entries. A difference trips the breaker. Accounts with more entries than
 * {@link #MAX_ENTRIES} are left to the full {@code farthing verify}: a sample must stay cheap.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    static final int MAX_ENTRIES = 20_000;
    private static final int SAMPLE = 4;
    private static final long INTERVAL_MS = 250;
    private final LedgerEngine engine;
    private final TransferIndex index;
    private final Watermarks marks;
    private final Breaker breaker;
    private volatile boolean running = true;
    private Thread thread;

    Reconciler(LedgerEngine engine, TransferIndex index, Watermarks marks, Breaker breaker) {
        this.engine = engine;
        this.index = index;
        this.marks = marks;
        this.breaker = breaker;
    }

    void start() {
        thread = BackgroundThread.start("farthing-reconciler", this::loop);
    }

    void stop() {
        running = false;
        BackgroundThread.stop(thread);
    }

    private void loop() {
        while (running && !engine.isFailed()) {
            try {
                Thread.sleep(INTERVAL_MS);
                Request.ProbeResult probe = engine.probe(List.of(), SAMPLE).get(5, TimeUnit.SECONDS);
                if (probe != null && awaitIndexed(probe.asOf())) {
                    for (AccountView account : probe.accounts()) {
                        check(account, probe.asOf());
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.debug("reconciliation sample skipped: {}", e.toString());
                }
            }
        }
    }

    private boolean awaitIndexed(long asOf) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (marks.indexedTimestamp < asOf && marks.indexedSequence < marks.appliedSequence) {
            if (!running || System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /** Recomputes one account's four running totals from its entries as of {@code asOf}. */
    private void check(AccountView account, long asOf) {
        if (account == null) {
            return;
        }
        long[] sums = new long[4]; // debits posted, credits posted, debits pending, credits pending
        long before = Long.MAX_VALUE;
        int seen = 0;
        while (true) {
            List<TransferView> page = index.listAccount(account.id(), before, 1000);
            for (TransferView t : page) {
                if (t.timestamp() <= asOf) {
                    add(sums, account.id(), t, asOf);
                }
            }
            seen += page.size();
            if (page.size() < 1000) {
                break;
            }
            if (seen >= MAX_ENTRIES) {
                return;
            }
            before = page.getLast().timestamp();
        }
        if (sums[0] != account.debitsPosted() || sums[1] != account.creditsPosted()
                || sums[2] != account.debitsPending() || sums[3] != account.creditsPending()) {
            breaker.trip("account " + account.id() + " balances (debits_posted=" + account.debitsPosted()
                    + " credits_posted=" + account.creditsPosted() + " debits_pending=" + account.debitsPending()
                    + " credits_pending=" + account.creditsPending() + ") differ from the sum of its entries ("
                    + sums[0] + ", " + sums[1] + ", " + sums[2] + ", " + sums[3] + ")");
        }
    }

    static void add(long[] sums, String accountId, TransferView t, long asOf) {
        boolean debit = t.debitAccount().equals(accountId);
        long posted = 0;
        long pending = 0;
        if (t.pendingTimeoutS() == 0) {
            posted = t.amount();
        } else if (t.resolvedAt() != 0 && t.resolvedAt() <= asOf) {
            posted = t.status() == TransferStatus.POSTED ? t.postedAmount() : 0;
        } else {
            pending = t.amount();
        }
        sums[debit ? 0 : 1] += posted;
        sums[debit ? 2 : 3] += pending;
    }
}
