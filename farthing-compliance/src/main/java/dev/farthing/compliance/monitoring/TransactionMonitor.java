package dev.farthing.compliance.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.ledger.api.EventPage;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.LedgerEventTail;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction monitoring over the ledger's event tail, on one consumer thread. Each page of events is applied to
 * the bounded {@link MonitorState}; the alerts it raises and the position reached are appended to this monitor's
 * record log as one atomic batch and fsynced, then handed to the {@link AlertSink} (the case book) and audited.
 * Every {@code snapshotEvery} events the state is snapshotted on the log (with the ledger position it covers) and
 * the log compacted. After a restart, even a kill -9, the monitor loads the latest snapshot, re-delivers the
 * alerts recorded after it (the sink dedupes by id), and re-reads the ledger from the snapshot's position: the
 * same events give the same alert ids, those already recorded are skipped, so no alert is lost or doubled.
 */
public final class TransactionMonitor implements AutoCloseable {
    static final int ALERT = 1;
    static final int POSITION = 2;
    private static final Logger LOG = LoggerFactory.getLogger(TransactionMonitor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTOR = "system:compliance";
    private static final int PAGE = 1_000;

    private final RecordLog log;
    private final LedgerEventTail tail;
    private final MonitorState state;
    private final AlertSink sink;
    private final AuditSink audit;
    private final long snapshotEvery;
    private final Set<String> recordedAhead = new HashSet<>();
    private EventPosition recordedUntil = EventPosition.START;
    private long sinceSnapshot;
    private final AtomicLong raised = new AtomicLong();
    private volatile EventPosition position;
    private volatile Throwable failure;
    private volatile boolean running;
    private Thread consumer;

    private TransactionMonitor(RecordLog log, LedgerEventTail tail, MonitorState state, AlertSink sink, AuditSink audit,
                               long snapshotEvery) {
        this.log = log;
        this.tail = tail;
        this.state = state;
        this.sink = sink;
        this.audit = audit;
        this.snapshotEvery = snapshotEvery;
    }

    /**
     * Opens the monitor's log in {@code dir} and recovers: {@code scales} are the ledger currencies' minor-unit
     * digits; alerts recorded since the last snapshot are handed to {@code sink} again. Call {@link #start()}.
     */
    public static TransactionMonitor open(Path dir, LedgerEventTail tail, MonitoringRules rules, Map<String, Integer> scales,
                                          AlertSink sink, AuditSink audit, long snapshotEvery) {
        if (snapshotEvery <= 0) throw new IllegalArgumentException("snapshotEvery must be positive");
        RecordLog log = RecordLog.open(dir);
        try {
            TransactionMonitor m = new TransactionMonitor(log, tail, new MonitorState(rules, scales), sink, audit, snapshotEvery);
            m.recover();
            return m;
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    private void recover() {
        long from = log.startPosition();
        Optional<Snapshot> snapshot = log.latestSnapshot();
        if (snapshot.isPresent()) {
            try (InputStream in = snapshot.get().open()) {
                MonitorSnapshot.read(in, state);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable monitor snapshot " + snapshot.get().file(), e);
            }
            from = snapshot.get().position();
        }
        Map<String, Alert> recorded = new LinkedHashMap<>();
        log.replay(from, (Record r) -> {
            if (r.type() == ALERT) {
                Alert a = parse(r);
                recorded.put(a.id(), a);
            } else if (r.type() == POSITION) {
                recordedUntil = EventPosition.parse(new String(r.payload(), StandardCharsets.UTF_8));
            }
        });
        recordedAhead.addAll(recorded.keySet());
        recorded.values().forEach(sink::accept); // the sink may have missed them before the crash; it dedupes
        position = state.position;
        LOG.info("transaction monitor (rules {}) resumes after ledger position {}; {} alerts recorded since its snapshot, up to {}",
                state.rules.version(), state.position, recorded.size(), recordedUntil);
    }

    /** Starts the consumer thread, which follows the ledger until {@link #close()}. */
    public synchronized void start() {
        if (consumer != null) throw new IllegalStateException("already started");
        running = true;
        consumer = Thread.ofPlatform().name("aml-monitor").daemon().start(this::follow);
    }

    private void follow() {
        try {
            while (running) {
                EventPage page = tail.await(state.position, PAGE, Duration.ofMillis(200));
                if (!page.events().isEmpty()) apply(page.events());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("transaction monitoring stopped at ledger position {}; a restart resumes from its last snapshot", state.position, e);
        }
    }

    /** Reads and applies every durable event after the current position; for tests and tools (not with {@link #start()}). */
    public int catchUp() {
        if (consumer != null) throw new IllegalStateException("the consumer thread owns the state");
        if (failure != null) throw new IllegalStateException("the monitor failed; reopen it to resume", failure);
        int n = 0;
        for (EventPage page = tail.read(state.position, PAGE); !page.events().isEmpty(); page = tail.read(state.position, PAGE)) {
            apply(page.events());
            n += page.events().size();
        }
        return n;
    }

    private void apply(List<TailedEvent> events) {
        List<Alert> fresh = new ArrayList<>();
        for (TailedEvent e : events) {
            for (Alert a : state.apply(e)) {
                if (!recordedAhead.contains(a.id())) fresh.add(a);
            }
        }
        if (state.position.compareTo(recordedUntil) >= 0) recordedAhead.clear(); // past what the log recorded
        if (!fresh.isEmpty()) {
            List<Entry> batch = new ArrayList<>(fresh.size() + 1);
            for (Alert a : fresh) batch.add(new Entry(ALERT, a.toJson().toString().getBytes(StandardCharsets.UTF_8)));
            batch.add(new Entry(POSITION, state.position.toString().getBytes(StandardCharsets.UTF_8)));
            log.appendBatchAndSync(batch);
            try {
                for (Alert a : fresh) {
                    sink.accept(a);
                    audit.append(new AuditEvent(ACTOR, "system", "aml.alert_raised", "account:" + a.subject(), null, a.toJson().toString()));
                }
            } catch (RuntimeException e) {
                failure = e; // recorded but maybe not delivered: no snapshot may cover them now; a restart re-delivers
                throw e;
            }
            raised.addAndGet(fresh.size());
        }
        position = state.position;
        sinceSnapshot += events.size();
        if (sinceSnapshot >= snapshotEvery) snapshot();
    }

    private void snapshot() {
        long at = log.endPosition();
        log.writeSnapshot(at, out -> MonitorSnapshot.write(state, out));
        log.compact(at);
        sinceSnapshot = 0;
    }

    private static Alert parse(Record r) {
        try {
            return Alert.fromJson(JSON.readTree(r.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable alert at monitor log position " + r.position(), e);
        }
    }

    /** The ledger position of the last event applied. */
    public EventPosition position() {
        return position;
    }

    /** Alerts raised (recorded and handed on) since this monitor opened. */
    public long alertsRaised() {
        return raised.get();
    }

    /** Accounts dropped from memory because more than {@link MonitoringRules#maxAccounts()} were active. */
    public long evictions() {
        return state.evictions;
    }

    public MonitoringRules rules() {
        return state.rules;
    }

    /** Why the consumer stopped, if it did (a sink or the log failed); a restart resumes. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the consumer, snapshots what it applied, closes the log. */
    @Override
    public void close() {
        Thread c;
        synchronized (this) {
            running = false;
            c = consumer;
        }
        if (c != null) {
            c.interrupt();
            try {
                c.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (sinceSnapshot > 0 && failure == null && (c == null || !c.isAlive())) snapshot();
        } finally {
            log.close();
        }
    }
}
