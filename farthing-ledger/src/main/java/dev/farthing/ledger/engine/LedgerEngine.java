package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerEventTail;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.index.IdFilter;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.journal.BatchEncoder;
import dev.farthing.ledger.journal.JournalTailReader;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.journal.LegacyJournalMigration;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.state.Authority;
import dev.farthing.ledger.state.RecentTransfers;
import dev.farthing.recordlog.DirectoryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The ledger: a four-stage pipeline (prefetch → apply → journal → index), each stage one thread, joined
 * by bounded queues. Only the apply thread touches state; only the journal thread acknowledges.
 */
public final class LedgerEngine implements Ledger, Engine {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEngine.class);
    private static final long MAX_INDEX_LAG_BATCHES = 64;
    private final LedgerConfig config;
    private final DirectoryLock lock;
    private final TransferIndex index;
    private final LedgerLog journal;
    private final EventTail tail;
    private final Watermarks marks = new Watermarks();
    private final Breaker breaker = new Breaker();
    private final StageQueue<Request> intake;
    private final RecoveryReport recovery;
    private final List<Thread> threads = new ArrayList<>();
    private final ExecutorService snapshotWriter;
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    private final AccountListing listing;
    private final Reconciler reconciler;
    private final ReconciliationHooks hooks = new ReconciliationHooks(breaker);
    private final ConcurrentHashMap<String, SystemHandle> systemHandles = new ConcurrentHashMap<>();
    /** Reserved accounts clients made before the namespace was reserved; fixed at start (clients are refused now). */
    private final List<String> clientMadeSystemAccounts;
    private final Clock clock;
    private volatile boolean stopping;
    private volatile Throwable failure;

    private LedgerEngine(LedgerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        Path data = config.dataDir();
        this.lock = DirectoryLock.acquire(data, "LOCK", "data directory");
        TransferIndex opened = null;
        LedgerLog log = null;
        try {
            LegacyJournalMigration.migrateIfNeeded(data, config.fsync(), config.segmentBytes());
            this.journal = log = LedgerLog.open(data.resolve(LedgerLog.DIR), config.fsync(), config.segmentBytes());
            Recovery.Result recovered = Recovery.recover(journal, config.currencies());
            this.recovery = recovered.report();
            this.index = opened = new TransferIndex(data.resolve("index"));
            if (index.rebuiltForLayout()) {
                LOG.info("the transfer index had an older layout; rebuilding it from the journal");
            }
            Recovery.catchUpIndex(index, journal, recovered.end(), config.fsync());
            JournalTailReader tailReader = new JournalTailReader(journal);
            this.tail = new EventTail(tailReader, lastEvent(tailReader, recovered.end()));
            marks.startAt(recovered.end().lastSequence(), recovered.state().lastTimestamp());
            this.clientMadeSystemAccounts = List.copyOf(recovered.state().clientMadeReservedAccounts());
            for (String id : clientMadeSystemAccounts) {
                LOG.warn("account {} is in the reserved system namespace but was created by a client; the ledger"
                        + " refuses every command on it and its module will not use it (see farthing verify)", id);
            }
            this.intake = new StageQueue<>(config.queueCapacity(), this::isFailed);
            this.snapshotWriter = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("farthing-snapshot").unstarted(r));
            startStages(recovered, clock, data);
            this.listing = new AccountListing(index, marks, this);
            this.reconciler = new Reconciler(this, index, marks, breaker);
            reconciler.start();
            hooks.start();
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close(); // else RocksDB keeps its lock and this process can never reopen the index
            }
            if (log != null) {
                log.close();
            }
            lock.close();
            throw e;
        }
    }

    public static Ledger open(LedgerConfig config) {
        return new LedgerEngine(config, Clock.systemUTC());
    }

    /** For deterministic tests: a ledger whose batches are stamped by {@code clock}. */
    public static Ledger open(LedgerConfig config, Clock clock) {
        return new LedgerEngine(config, clock);
    }

    private void startStages(Recovery.Result recovered, Clock clock, Path data) {
        StageQueue<Batches.Prefetched> toApply = new StageQueue<>(4, this::isFailed);
        StageQueue<Batches.Applied> toJournal = new StageQueue<>(64, this::isFailed);
        StageQueue<Batches.Committed> toIndex = new StageQueue<>(256, this::isFailed);
        RecentTransfers recent = new RecentTransfers();
        start("farthing-prefetch", new PrefetchStage(intake, toApply, index, marks, config.maxBatchCommands(),
                MAX_INDEX_LAG_BATCHES, indexedIds(), this));
        start("farthing-apply", new ApplyStage(toApply, toJournal, recovered.state(), recent, marks, breaker, clock,
                config.snapshotEveryBatches(), config.snapshotEveryEvents(), recovered.end().lastSequence(), this));
        BatchEncoder encoder = new BatchEncoder(recovered.end().lastSequence(), recovered.end().lastHash());
        start("farthing-journal", new JournalStage(toJournal, toIndex, journal, encoder, marks, tail, snapshotWriter, this));
        start("farthing-index", new IndexStage(toIndex, index, marks, this));
    }

    /** The ids already indexed, gathered on their own thread so start-up does not wait for them. */
    private CompletableFuture<IdFilter> indexedIds() {
        if (index.position().sequence() == 0) {
            return CompletableFuture.completedFuture(new IdFilter());
        }
        CompletableFuture<IdFilter> done = new CompletableFuture<>();
        threads.add(Thread.ofPlatform().daemon().name("farthing-id-filter").start(() -> {
            try {
                IdFilter filter = new IdFilter();
                index.forEachTransferId(filter, () -> stopping);
                if (stopping) {
                    done.cancel(false);
                    return;
                }
                done.complete(filter);
            } catch (Throwable t) {
                LOG.warn("could not read the indexed ids; every new id is looked up on disk", t);
                done.completeExceptionally(t);
            }
        }));
        return done;
    }

    /** The position of the journal's last event: the tail's head at start-up. */
    private static EventPosition lastEvent(JournalTailReader reader, Recovery.End scan) {
        if (scan.lastSequence() == 0) {
            return EventPosition.START;
        }
        if (scan.lastEventCount() > 0) {
            return new EventPosition(scan.lastSequence(), scan.lastEventCount() - 1);
        }
        int[] count = {0};
        reader.read(scan.lastSequence(), scan.lastSequence(), (sequence, time, events) -> {
            count[0] = events.size();
            return false;
        });
        return new EventPosition(scan.lastSequence(), count[0] - 1);
    }

    private void start(String name, Runnable stage) {
        threads.add(Thread.ofPlatform().name(name).daemon().start(stage));
    }

    @Override
    public long now() {
        Instant wall = clock.instant();
        return Math.max(wall.getEpochSecond() * 1_000_000_000L + wall.getNano(), marks.committedTimestamp);
    }

    @Override
    public List<Currency> currencies() {
        return config.currencies();
    }

    <T> CompletableFuture<T> submit(Request request, CompletableFuture<T> future, Function<ErrorCode, T> refusal) {
        if (failure != null) {
            return CompletableFuture.completedFuture(refusal.apply(ErrorCode.UNAVAILABLE));
        }
        if (stopping) {
            return CompletableFuture.completedFuture(refusal.apply(ErrorCode.UNAVAILABLE));
        }
        if (!intake.offer(request)) {
            return CompletableFuture.completedFuture(refusal.apply(ErrorCode.OVERLOADED));
        }
        return future;
    }

    private static <T> Function<ErrorCode, Outcome<T>> refused(String detail) {
        return code -> Outcome.fail(code, code == ErrorCode.OVERLOADED ? "the ledger's queue is full; retry shortly" : detail);
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> createAccount(NewAccount account) {
        return createAccount(account, Authority.CLIENT);
    }

    CompletableFuture<Outcome<AccountView>> createAccount(NewAccount account, Authority authority) {
        CompletableFuture<Outcome<AccountView>> f = new CompletableFuture<>();
        return submit(new Request.CreateAccount(account, authority, f), f, refused("the ledger is not accepting work"));
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> lookupAccount(String id) {
        CompletableFuture<Outcome<AccountView>> f = new CompletableFuture<>();
        return submit(new Request.LookupAccount(id, f), f, refused("the ledger is not accepting work"));
    }

    @Override
    public CompletableFuture<Outcome<AccountView>> changeAccountStatus(String id, AccountStatus status) {
        return changeAccountStatus(id, status, Authority.CLIENT);
    }

    CompletableFuture<Outcome<AccountView>> changeAccountStatus(String id, AccountStatus status, Authority authority) {
        CompletableFuture<Outcome<AccountView>> f = new CompletableFuture<>();
        return submit(new Request.ChangeStatus(id, status, authority, f), f, refused("the ledger is not accepting work"));
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> createTransfer(NewTransfer transfer) {
        return createTransfers(List.of(transfer), false).thenApply(List::getFirst);
    }

    @Override
    public CompletableFuture<List<Outcome<TransferView>>> createTransfers(List<NewTransfer> transfers, boolean atomic) {
        return createTransfers(transfers, atomic, Authority.CLIENT);
    }

    CompletableFuture<List<Outcome<TransferView>>> createTransfers(List<NewTransfer> transfers, boolean atomic,
                                                                   Authority authority) {
        if (transfers.isEmpty() || transfers.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_BATCH + " transfers");
        }
        CompletableFuture<List<Outcome<TransferView>>> f = new CompletableFuture<>();
        Function<ErrorCode, Outcome<TransferView>> one = refused("the ledger is not accepting work");
        return submit(new Request.CreateTransfers(List.copyOf(transfers), atomic, authority, f), f,
                code -> Collections.nCopies(transfers.size(), one.apply(code)));
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> postPending(String transferId, long amount) {
        return resolve(transferId, true, amount, Authority.CLIENT);
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> voidPending(String transferId) {
        return resolve(transferId, false, 0, Authority.CLIENT);
    }

    CompletableFuture<Outcome<TransferView>> resolve(String transferId, boolean post, long amount, Authority authority) {
        CompletableFuture<Outcome<TransferView>> f = new CompletableFuture<>();
        return submit(new Request.Resolve(transferId, post, amount, authority, f), f,
                refused("the ledger is not accepting work"));
    }

    @Override
    public SystemLedger system(String module) {
        SystemHandle handle = new SystemHandle(this, Authority.system(module), clientMadeSystemAccounts);
        if (systemHandles.putIfAbsent(module, handle) != null) {
            throw new IllegalStateException("module " + module + " already holds its system handle; it is handed"
                    + " out once, at wiring time");
        }
        return handle;
    }

    void release(SystemHandle handle) {
        hooks.removeAll(handle);
        systemHandles.remove(handle.module(), handle);
    }

    ReconciliationHooks hooks() {
        return hooks;
    }

    @Override
    public CompletableFuture<List<Outcome<TransferView>>> resolvePending(List<String> transferIds, boolean post) {
        if (transferIds.isEmpty() || transferIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_BATCH + " holds");
        }
        if (new HashSet<>(transferIds).size() != transferIds.size()) {
            throw new IllegalArgumentException("a hold may be named once per batch: " + transferIds);
        }
        CompletableFuture<List<Outcome<TransferView>>> f = new CompletableFuture<>();
        Function<ErrorCode, Outcome<TransferView>> one = refused("the ledger is not accepting work");
        return submit(new Request.ResolveAll(List.copyOf(transferIds), post, f), f,
                code -> Collections.nCopies(transferIds.size(), one.apply(code)));
    }

    @Override
    public CompletableFuture<Outcome<TransferView>> lookupTransfer(String id) {
        CompletableFuture<Outcome<TransferView>> f = new CompletableFuture<>();
        return submit(new Request.LookupTransfer(id, f), f, refused("the ledger is not accepting work"));
    }

    @Override
    public CompletableFuture<Outcome<Page<AccountView>>> listAccounts(String afterId, int limit) {
        CompletableFuture<Outcome<Page<AccountView>>> f = new CompletableFuture<>();
        return submit(new Request.ListAccounts(afterId, limit, f), f, refused("the ledger is not accepting work"));
    }

    @Override
    public CompletableFuture<Outcome<Page<TransferView>>> listAccountTransfers(String accountId, int limit, String cursor) {
        return lookupAccount(accountId).thenComposeAsync(found -> found.isOk()
                ? CompletableFuture.supplyAsync(() -> listing.page(accountId, limit, cursor), readers)
                : CompletableFuture.completedFuture(Outcome.fail(found.error(), found.detail())), readers);
    }

    CompletableFuture<Request.ProbeResult> probe(List<String> accountIds, int sampleSize) {
        CompletableFuture<Request.ProbeResult> f = new CompletableFuture<>();
        return submit(new Request.Probe(accountIds, sampleSize, f), f, code -> null);
    }

    @Override
    public LedgerEventTail events() {
        return tail;
    }

    @Override
    public CompletableFuture<String> snapshot() {
        CompletableFuture<String> f = new CompletableFuture<>();
        return submit(new Request.Snapshot(f), f, code -> {
            throw new IllegalStateException("cannot snapshot now: " + code.code());
        });
    }

    @Override
    public LedgerHealth health() {
        String reason = failure != null ? "ledger stopped after an internal failure: " + failure : breaker.reason();
        return new LedgerHealth(reason != null, reason, marks.committedTimestamp, marks.committedSequence,
                marks.accounts, marks.pendingHolds, marks.transfersCommitted,
                marks.committedSequence - marks.indexedSequence, clientMadeSystemAccounts);
    }

    @Override
    public void resetBreaker(String operator) {
        breaker.reset(operator);
    }

    public long breakerTrips() {
        return breaker.trips();
    }

    @Override
    public RecoveryReport recovery() {
        return recovery;
    }

    @Override
    public boolean isStopping() {
        return stopping;
    }

    @Override
    public boolean isFailed() {
        return failure != null;
    }

    @Override
    public void fail(String stage, Throwable cause) {
        if (failure == null) {
            failure = cause;
            LOG.error("ledger {} stage failed; the ledger stops accepting work (fail-stop)", stage, cause);
            breaker.trip("ledger " + stage + " stage failed: " + cause);
            tail.close();
            failQueued("the ledger stopped after an internal failure");
        }
    }

    @Override
    public void snapshotFailed(Throwable cause) {
        LOG.error("snapshot failed (the journal is intact; restart replays more)", cause);
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        hooks.stop();
        reconciler.stop();
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failQueued("the ledger is closed");
        tail.close();
        snapshotWriter.shutdown();
        try {
            snapshotWriter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readers.shutdown();
        journal.close(); // after a failure too: the log has failed its own appends, closing releases its files
        index.close();
        lock.close();
    }

    /** Requests that raced with close or failure are failed rather than left hanging. */
    private void failQueued(String why) {
        List<Request> stranded = new ArrayList<>();
        intake.drainTo(stranded);
        for (Request r : stranded) {
            r.future().completeExceptionally(new IllegalStateException(why));
        }
    }
}
