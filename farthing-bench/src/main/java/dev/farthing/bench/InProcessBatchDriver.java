package dev.farthing.bench;

import dev.farthing.bench.PaymentSource.Leg;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The {@link Ledger} API in this JVM: one producer thread keeps {@code inflight} batches outstanding, so the
 * writer always has the next batch queued while the previous one is being fsynced (group commit). Latency is
 * per batch, submit to durable acknowledgement.
 *
 * <p>Hot payments are packed whole into atomic batches (both legs of every payment in the same batch, the
 * whole batch all-or-nothing): linkage is never weaker than one payment, and nothing fails in this run.
 */
final class InProcessBatchDriver implements ModeDriver {
    private final Ledger ledger;
    private final PaymentSource source;
    private final String currency;
    private final int paymentsPerBatch;
    private final int inflight;
    private final boolean atomic;

    InProcessBatchDriver(Ledger ledger, PaymentSource source, String currency, int paymentsPerBatch, int inflight) {
        this.ledger = ledger;
        this.source = source;
        this.currency = currency;
        this.paymentsPerBatch = paymentsPerBatch;
        this.inflight = inflight;
        this.atomic = source.workload() == Workload.HOT;
    }

    @Override
    public void runPhase(Phase phase) {
        Semaphore window = new Semaphore(inflight);
        int payments;
        while ((payments = phase.claim(paymentsPerBatch)) > 0) {
            List<Leg> legs = source.nextPayments(payments);
            List<NewTransfer> batch = new ArrayList<>(legs.size());
            long amount = 0;
            for (Leg leg : legs) {
                batch.add(leg.toNewTransfer(currency));
                amount += leg.amount();
            }
            long batchAmount = amount;
            window.acquireUninterruptibly();
            long sent = System.nanoTime();
            ledger.createTransfers(batch, atomic).whenComplete((results, error) -> {
                try {
                    tally(phase, sent, results, error, batch.size(), batchAmount);
                } finally {
                    window.release();
                }
            });
        }
        window.acquireUninterruptibly(inflight);
    }

    /** Counts what the ledger committed; anything refused or replayed marks the run as failed. */
    private static void tally(Phase phase, long sent, List<Outcome<TransferView>> results, Throwable error,
                              int transfers, long amount) {
        if (error != null) {
            phase.failed("ledger failed the batch: " + error, transfers);
            phase.answered(sent, 0, 0);
            return;
        }
        int committed = 0;
        long committedAmount = 0;
        Outcome<TransferView> firstBad = null;
        for (Outcome<TransferView> r : results) {
            if (r.isOk() && !r.replayed()) {
                committed++;
                committedAmount += r.value().amount();
            } else if (firstBad == null) {
                firstBad = r;
            }
        }
        if (firstBad != null) {
            phase.failed("refused: " + firstBad.error() + " " + firstBad.detail(), transfers - committed);
        }
        // A non-atomic batch may commit the rest: count exactly what the ledger accepted.
        phase.answered(sent, committed, firstBad == null ? amount : committedAmount);
    }

    @Override
    public String settings() {
        return "inflight=" + inflight + " batch=" + paymentsPerBatch * source.workload().legs()
                + " atomic=" + atomic + " fsync=on";
    }
}
