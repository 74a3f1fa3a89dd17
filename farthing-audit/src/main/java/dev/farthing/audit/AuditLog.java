package dev.farthing.audit;

import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The hash-chained audit trail, on a {@link RecordLog} in one directory. Every record carries a sequence, the
 * ledger time, the event, the previous record's hash and its own (see {@link AuditCodec}). {@link #append}
 * chains and enqueues and returns at once: the record log's group commit makes it durable (the queue is
 * bounded; when full, appends wait briefly and then fail, so a decision is never taken unaudited in silence).
 * Opening re-proves the chain and rebuilds the query index; a broken chain refuses to open
 * ({@link AuditChainException}), and {@link #verify(Path)} says where it breaks.
 */
public final class AuditLog implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    public static final RecordLogOptions DEFAULT_OPTIONS = RecordLogOptions.DEFAULTS.withOfferTimeout(Duration.ofSeconds(2));
    /** How long a query waits for the appends before it to become durable (read your writes). */
    static final long READ_WAIT_MILLIS = 5_000;
    private final RecordLog log;
    private final LongSupplier clock;
    private final AuditIndex index = new AuditIndex();
    private final Object chain = new Object();
    private long lastSequence;
    private byte[] lastHash;
    private long lastTime;
    private volatile CompletableFuture<AuditRecord> lastAppend = CompletableFuture.completedFuture(null);

    private AuditLog(RecordLog log, LongSupplier clock) {
        this.log = log;
        this.clock = clock;
        ChainVerifier.Result head = ChainVerifier.walk(log, index::add);
        if (!head.verification().ok()) {
            throw new AuditChainException(head.verification());
        }
        this.lastSequence = head.lastSequence();
        this.lastHash = head.lastHash();
        this.lastTime = head.lastTime();
    }

    /** Opens (creating) the trail in {@code dir}; {@code clockNanos} is the ledger's clock ({@code Ledger::now}). */
    public static AuditLog open(Path dir, LongSupplier clockNanos) {
        return open(dir, clockNanos, DEFAULT_OPTIONS);
    }

    public static AuditLog open(Path dir, LongSupplier clockNanos, RecordLogOptions options) {
        RecordLog log = RecordLog.open(dir, options);
        try {
            AuditLog audit = new AuditLog(log, clockNanos);
            LOG.info("Audit trail {}: {} records re-proved", dir, audit.lastSequence);
            return audit;
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    /**
     * Re-proves the trail in {@code dir} (offline: {@code farthing audit verify}). Opening the record log cuts a
     * torn tail by its rule, as any start would; nothing else is written.
     */
    public static AuditVerification verify(Path dir) {
        try (RecordLog log = RecordLog.open(dir, DEFAULT_OPTIONS)) {
            return ChainVerifier.walk(log, r -> { }).verification();
        }
    }

    /** Chains and enqueues the event; does not wait for the fsync. Throws when the log is full or stopped. */
    @Override
    public void append(AuditEvent event) {
        appendDurably(event);
    }

    /** As {@link #append}; the future completes with the record once it is durable. */
    public CompletableFuture<AuditRecord> appendDurably(AuditEvent event) {
        CompletableFuture<AuditRecord> durable;
        synchronized (chain) {
            long sequence = lastSequence + 1;
            long time = Math.max(clock.getAsLong(), lastTime);
            byte[] bytes = AuditCodec.encode(sequence, time, event, lastHash);
            byte[] hash = java.util.Arrays.copyOfRange(bytes, bytes.length - AuditCodec.HASH_BYTES, bytes.length);
            AuditRecord record = new AuditRecord(sequence, time, event, lastHash, hash, -1);
            CompletableFuture<Long> written = log.append(ChainVerifier.RECORD_TYPE, bytes); // throws when full
            lastSequence = sequence;
            lastHash = hash;
            lastTime = time;
            durable = written.thenApply(record::at);
            lastAppend = durable;
        }
        durable.thenAccept(index::add);
        return durable;
    }

    /**
     * One page of records matching the query, in sequence order. Waits first for what was appended before the
     * call to be durable, so a reader sees every decision acknowledged before it asked.
     */
    public AuditPage query(AuditQuery q) {
        awaitAppended();
        long[] positions = index.find(q, q.limit() + 1);
        List<AuditRecord> page = new ArrayList<>(Math.min(positions.length, q.limit()));
        for (int i = 0; i < positions.length && i < q.limit(); i++) {
            page.add(read(positions[i]));
        }
        Long next = positions.length > q.limit() ? page.getLast().sequence() : null;
        return new AuditPage(List.copyOf(page), next);
    }

    /** Re-proves the whole chain on disk now (the running server's {@code GET /v1/audit/verify}). */
    public AuditVerification verify() {
        awaitAppended();
        return ChainVerifier.walk(log, r -> { }).verification();
    }

    /** How many records are durable and indexed. */
    public long size() {
        return index.size();
    }

    /** Waits until everything appended so far is durable (tests, a clean stop). */
    public void awaitAppended() {
        try {
            lastAppend.get(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the audit trail", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit trail cannot write: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the audit trail did not become durable within " + READ_WAIT_MILLIS + " ms");
        }
    }

    private AuditRecord read(long position) {
        try {
            return AuditCodec.decode(log.read(position).payload(), position);
        } catch (AuditCodec.MalformedRecordException e) {
            throw new IllegalStateException("audit record at log position " + position + " changed on disk: "
                    + e.getMessage() + "; run farthing audit verify");
        }
    }

    public Path directory() {
        return log.directory();
    }

    /** Writes and syncs what is queued, then closes. */
    @Override
    public void close() {
        log.close();
    }
}
