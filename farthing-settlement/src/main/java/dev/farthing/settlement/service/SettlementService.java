package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.settlement.SettlementError;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.money.FxRate;
import dev.farthing.settlement.money.UnitBridge;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.recon.ReconException;
import dev.farthing.settlement.store.SettlementEvent.FxConverted;
import dev.farthing.settlement.store.SettlementEvent.Line;
import dev.farthing.settlement.store.SettlementEvent.PayeeSet;
import dev.farthing.settlement.store.SettlementEvent.StatementReceived;
import dev.farthing.settlement.store.SettlementLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Payouts and reconciliation on top of the ledger. One writer thread owns the state: every command, tick and read
 * runs on it in turn, so nothing needs a lock and reads are linearised with writes. State is the record log in
 * {@code config.dir()}, replayed on open; unfinished work (holds, routes, books, statement lines) resumes then.
 */
public final class SettlementService implements AutoCloseable {
    public static final String MODULE = "settlement";
    private static final Logger LOG = LoggerFactory.getLogger(SettlementService.class);
    /** 30 at most: with ".aN" the attempt key stays within ISO 20022's Max35Text (InstrId, EndToEndId). */
    private static final Pattern PAYOUT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,30}");
    private static final Pattern STATEMENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,40}");
    private static final int MAX_LINES = 100_000;

    private final Core core;
    private final PayoutRunner runner;
    private final StatementReconciler reconciler;
    private final FxDesk fx;
    private final SystemLedger system;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform()
            .name("settlement-writer").daemon().unstarted(r));
    private final ScheduledExecutorService ticker;

    private SettlementService(SettlementConfig config, Ledger ledger, SystemLedger system, SettlementLog log) {
        this.system = system;
        this.core = new Core(config, log, new LedgerBooks(system, ledger, config.holdTimeout().toSeconds()), ledger,
                writer);
        this.runner = new PayoutRunner(core);
        this.reconciler = new StatementReconciler(core, runner);
        this.fx = new FxDesk(core);
        core.calls.onChange(runner::sendWaiting);
        this.ticker = config.tickEvery() == null ? null : Executors.newSingleThreadScheduledExecutor(r -> Thread
                .ofPlatform().name("settlement-tick").daemon().unstarted(r));
    }

    /** Claims the ledger's {@code settlement} system handle, replays the log and resumes unfinished work. */
    public static SettlementService open(Ledger ledger, SettlementConfig config) {
        SystemLedger system = ledger.system(MODULE);
        SettlementLog log;
        try {
            log = SettlementLog.open(config.dir());
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
        SettlementService s = new SettlementService(config, ledger, system, log);
        try {
            long events = s.call(() -> log.replay(s.core::applyAndLearn));
            s.call(() -> {
                s.resume(false);
                return null;
            });
            LOG.info("settlement: {} events replayed, {} payouts, {} open exceptions", events,
                    s.core.state.payouts.size(), s.core.state.exceptions.size());
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        if (s.ticker != null) {
            long every = config.tickEvery().toMillis();
            s.ticker.scheduleWithFixedDelay(() -> {
                try {
                    s.tick();
                } catch (RuntimeException e) {
                    LOG.warn("settlement tick failed; will retry: {}", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return s;
    }

    private void resume(boolean poll) {
        for (StatementReceived st : core.state.statements.values()) reconciler.process(st);
        runner.resume(poll);
    }

    public Payee setPayee(Payee payee) {
        return call(() -> {
            AccountView a = core.books.account(payee.account());
            if (a == null || !a.currency().equals(payee.currency())) {
                throw new SettlementException(SettlementError.INVALID_PAYOUT, "payee " + payee.id() + "'s account "
                        + payee.account() + (a == null ? " does not exist" : " is in " + a.currency()), "account");
            }
            UnitBridge.of(payee.currency(), core.books.ledgerScale(payee.currency())); // its scale must bridge
            if (payee.converts()) {
                if (!core.books.hasCurrency(payee.payoutCurrency())) {
                    throw new SettlementException(SettlementError.INVALID_PAYOUT, "the ledger has no currency "
                            + payee.payoutCurrency() + " to pay payee " + payee.id() + " in", "payout_currency");
                }
                UnitBridge.of(payee.payoutCurrency(), core.books.ledgerScale(payee.payoutCurrency()));
            }
            if (!payee.equals(core.state.payees.get(payee.id()))) core.record(new PayeeSet(payee, core.now()));
            return payee;
        });
    }

    public Payout requestPayout(String payoutId, String payeeId, Long amountMinor) {
        if (payoutId == null || !PAYOUT_ID.matcher(payoutId).matches()) {
            throw new SettlementException(SettlementError.INVALID_PAYOUT, "payout id must be 1..30 of A-Z a-z 0-9 . _ : -", "id");
        }
        if (amountMinor != null && amountMinor <= 0) {
            throw new SettlementException(SettlementError.INVALID_PAYOUT, "amount must be positive", "amount");
        }
        Payout p = call(() -> runner.request(payoutId, payeeId, amountMinor));
        awaitAnswers(List.of(p.id()));
        releaseBankFiles();
        return call(() -> core.state.payouts.get(payoutId));
    }

    /**
     * Runs the scheduled payouts now: one batch with every payee that is due. Waits (up to the configured
     * {@code answerWait}, on this thread, not the writer's) for the providers' answers to the submits.
     */
    public BatchView runDue(String trigger) {
        SettlementState.Batch b = call(() -> runner.runDue(trigger));
        awaitAnswers(b.payoutIds());
        List<String> released = releaseBankFiles();
        return call(() -> view(b)).withReleased(released);
    }

    /**
     * The cut-off's work: every batching connector (ISO 20022) writes the files for what it has staged through
     * today. On the caller's thread (file I/O), never the writer's. A failure leaves the payouts staged (durable at
     * the connector) and is reported; the next run releases them.
     */
    public List<String> releaseBankFiles() {
        List<String> out = new ArrayList<>();
        for (PayoutConnector c : core.connectors.values()) {
            if (!(c instanceof dev.farthing.settlement.connector.BatchReleasing bank)) continue;
            try {
                for (java.nio.file.Path f : bank.releaseDue()) out.add(c.providerId() + "/" + f.getFileName());
            } catch (RuntimeException e) {
                throw new SettlementException(SettlementError.SETTLEMENT_UNAVAILABLE, "the payouts are recorded and "
                        + "staged, but " + c.providerId() + " could not release its bank files (" + e.getMessage()
                        + "); run again to release them" + (out.isEmpty() ? "" : "; released before: " + out));
            }
        }
        if (!out.isEmpty()) LOG.info("settlement: released bank files {}", out);
        return out;
    }

    /** Waits for the calls about these payouts to be answered (or timed out); whatever stands then is the reply. */
    private void awaitAnswers(java.util.Collection<String> payoutIds) {
        java.util.concurrent.CompletableFuture<Void> quiet = call(() -> core.inFlight.whenQuiet(payoutIds));
        try {
            quiet.get(core.config.calls().answerWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.debug("settlement: answers still out after {}", core.config.calls().answerWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A provider's answer about one attempt (a verified webhook); returns what it did. */
    public String onProviderStatus(String idempotencyKey, ProviderStatus status, String evidence) {
        return call(() -> core.state.payoutByKey.containsKey(idempotencyKey)
                ? runner.answers.apply(idempotencyKey, status, evidence) : "no attempt has key " + idempotencyKey);
    }

    /** Polls what is pending or in doubt, retries what waits for a provider, finishes unfinished books. */
    public void tick() {
        awaitAnswers(call(() -> {
            resume(true);
            return core.inFlight.busyIds();
        }));
    }

    /** Imports one statement (an upload or a connector's), settling each line; a repeat of its id changes nothing. */
    public ImportReport importStatement(String statementId, String provider, List<StatementLine> lines) {
        if (statementId == null || !STATEMENT_ID.matcher(statementId).matches()) {
            throw new SettlementException(SettlementError.INVALID_STATEMENT, "statement id must be 1..40 of A-Z a-z 0-9 . _ : -", "id");
        }
        if (lines.size() > MAX_LINES) {
            throw new SettlementException(SettlementError.INVALID_STATEMENT, "at most " + MAX_LINES + " lines", "lines");
        }
        List<Line> stored = new ArrayList<>(lines.size());
        for (StatementLine l : lines) {
            if (l.lineId() == null || l.kind() == null || l.currency() == null || l.valueDate() == null || l.amountMinor() <= 0) {
                throw new SettlementException(SettlementError.INVALID_STATEMENT, "every line needs an id, kind, currency,"
                        + " value date and a positive amount: " + l, "lines");
            }
            stored.add(new Line(l.lineId(), l.endToEndReference(), l.providerReference(), l.kind().name(), l.currency(),
                    l.amountMinor(), l.valueDate().toString(), l.description()));
        }
        return call(() -> {
            StatementReceived known = core.state.statements.get(statementId);
            if (known != null && (!known.provider().equals(provider) || !known.lines().equals(stored))) {
                throw new SettlementException(SettlementError.STATEMENT_CONFLICT, "statement " + statementId
                        + " was imported with other content", "id");
            }
            if (!core.connectors.containsKey(provider) && core.state.payouts.values().stream()
                    .noneMatch(p -> p.lastAttempt() != null && provider.equals(p.lastAttempt().provider()))) {
                throw new SettlementException(SettlementError.INVALID_STATEMENT, "no provider " + provider, "provider");
            }
            StatementReceived s = known != null ? known : new StatementReceived(statementId, provider, stored, core.now());
            if (known == null) core.record(s);
            reconciler.process(s);
            return ImportReport.of(core, s);
        });
    }

    /** Pulls each provider's statement for {@code [from, to]} and imports it (the continuous reconciliation loop). */
    public List<ImportReport> pullStatements(LocalDate from, LocalDate to) {
        List<ImportReport> out = new ArrayList<>();
        for (PayoutConnector c : core.connectors.values()) {
            List<StatementLine> lines = c.statement(from, to);
            String id = "pull." + c.providerId() + "." + from + "." + to + "." + Core.shortHash(lines.toString()).substring(0, 8);
            out.add(importStatement(id.length() > 40 ? id.substring(0, 40) : id, c.providerId(), lines));
        }
        return out;
    }

    /** Records a quoted rate (kept unless a newer one of the pair is known), durable, used by {@link #convert}. */
    public void putRate(FxRate rate) {
        call(() -> {
            fx.putRate(rate);
            return null;
        });
    }

    /**
     * Converts {@code amount} ledger units from {@code fromAccount} into {@code toAccount}'s currency at the latest
     * rate less {@code spreadBps}, through the FX accounts ({@link FxDesk}); the rounding remainder is booked in whole
     * units and its fraction carried, so no value is lost. The id makes a repeat return the first.
     */
    public FxConverted convert(String id, String fromAccount, String toAccount, long amount, int spreadBps) {
        if (id == null || !PAYOUT_ID.matcher(id).matches()) {
            throw new SettlementException(SettlementError.INVALID_PAYOUT, "conversion id must be 1..30 of A-Z a-z 0-9 . _ : -", "id");
        }
        return call(() -> fx.convert(id, fromAccount, toAccount, amount, spreadBps));
    }

    /** The exact sub-unit remainder carried for {@code pair} ({@code USD/EUR}). */
    public BigDecimal fxCarry(String pair) {
        return call(() -> core.state.fxCarry.getOrDefault(pair, BigDecimal.ZERO));
    }

    /** How each line of a statement was settled (matched, adjusted, duplicate), in order. */
    public List<dev.farthing.settlement.store.SettlementEvent.LineSettled> lineResults(String statementId) {
        return call(() -> List.copyOf(core.lineResults(statementId)));
    }

    public List<Payout> payouts(PayoutStatus status) {
        return call(() -> runner.inStatus(status));
    }

    public Payout payout(String id) {
        return call(() -> core.state.payouts.get(id));
    }

    public BatchView batch(String id) {
        return call(() -> {
            SettlementState.Batch b = core.state.batches.get(id);
            if (b == null) throw new SettlementException(SettlementError.BATCH_NOT_FOUND, "no batch " + id);
            return view(b);
        });
    }

    private BatchView view(SettlementState.Batch b) {
        List<Payout> list = new ArrayList<>();
        for (String id : b.payoutIds()) list.add(core.state.payouts.get(id));
        return new BatchView(b.id(), b.trigger(), b.at(), list, List.of());
    }

    public List<ReconException> exceptions() {
        return call(() -> List.copyOf(core.state.exceptions.values()));
    }

    /** At most {@code limit} exceptions raised after the one with id {@code after} (null: from the first), oldest first. */
    public List<ReconException> exceptions(String after, int limit) {
        return call(() -> page(core.state.exceptions.values(), ReconException::id, null, after, limit));
    }

    /** At most {@code limit} payouts in {@code status} (null: any) created after payout {@code after}, oldest first. */
    public List<Payout> payouts(PayoutStatus status, String after, int limit) {
        return call(() -> page(core.state.payouts.values(), Payout::id,
                p -> status == null || p.status() == status, after, limit));
    }

    /** A page of an insertion-ordered collection; an {@code after} that is not there is an empty page. */
    private static <T> List<T> page(java.util.Collection<T> all, java.util.function.Function<T, String> id,
                                    java.util.function.Predicate<T> keep, String after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be positive: " + limit);
        List<T> out = new ArrayList<>();
        boolean started = after == null;
        for (T t : all) {
            if (!started) {
                started = id.apply(t).equals(after);
                continue;
            }
            if (keep != null && !keep.test(t)) continue;
            out.add(t);
            if (out.size() == limit) break;
        }
        return out;
    }

    public Map<String, String> breakers() {
        return call(core.router::breakerStates);
    }

    private <T> T call(Callable<T> work) {
        Future<T> f;
        try {
            f = writer.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new SettlementException(SettlementError.SETTLEMENT_UNAVAILABLE, "the settlement service is closed");
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SettlementException(SettlementError.SETTLEMENT_UNAVAILABLE, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
        core.calls.close(); // a call cut short leaves its attempt in doubt: asked about on open
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.log.close();
        for (PayoutConnector c : core.connectors.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing connector {}: {}", c.providerId(), e.toString());
            }
        }
        system.close();
    }
}
