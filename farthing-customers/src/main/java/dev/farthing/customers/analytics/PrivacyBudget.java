package dev.farthing.customers.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Each analyst's spent privacy budget, in micro-epsilon (exact integers: no rounding can let spending creep past
 * the total), on the shared record log ({@code DATA/analytics/budget}): one JSON debit record (type {@value #TYPE})
 * per answered query, fsynced before the query is answered and replayed on open. {@link #debit} checks and appends
 * under one lock, so concurrent queries can never spend more than the total; queries are rare and slow next to
 * payments, so a lock held over one fsync is the simple, sufficient kind of single writer here.
 */
public final class PrivacyBudget implements AutoCloseable {
    static final int TYPE = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecordLog log;
    private final long totalMicros;
    private final Map<String, Long> spent = new HashMap<>();

    /** A debit that would have spent more than is left; nothing was spent. */
    public static final class Exhausted extends RuntimeException {
        private final long remainingMicros;

        Exhausted(String analyst, long requested, long remaining) {
            super("analyst " + analyst + " asked for epsilon " + Epsilon.format(requested) + " but has "
                    + Epsilon.format(remaining) + " of the privacy budget left");
            this.remainingMicros = remaining;
        }

        public long remainingMicros() {
            return remainingMicros;
        }
    }

    private PrivacyBudget(RecordLog log, long totalMicros) {
        if (totalMicros <= 0) {
            throw new IllegalArgumentException("the privacy budget must be positive, not " + totalMicros);
        }
        this.log = log;
        this.totalMicros = totalMicros;
        log.replay(log.startPosition(), r -> {
            if (r.type() != TYPE) {
                throw new IllegalStateException("unknown record type " + r.type() + " at " + r.position()
                        + " of the privacy budget log " + log.directory());
            }
            JsonNode d = read(r.payload());
            spent.merge(d.get("analyst").textValue(), d.get("micro_epsilon").longValue(), Math::addExact);
        });
    }

    public static PrivacyBudget open(Path dir, long totalMicros, boolean fsync) {
        return new PrivacyBudget(RecordLog.open(dir, RecordLogOptions.DEFAULTS.withFsync(fsync)), totalMicros);
    }

    /**
     * Spends {@code micros} of {@code analyst}'s budget, durably, or throws {@link Exhausted} spending nothing.
     * Returns what is left. {@code what} (the query) and {@code at} (ledger time) go into the record.
     */
    public synchronized long debit(String analyst, long micros, String what, long at) {
        if (micros <= 0) {
            throw new IllegalArgumentException("a debit is positive, not " + micros);
        }
        long used = spent.getOrDefault(analyst, 0L);
        long remaining = totalMicros - used;
        if (micros > remaining) {
            throw new Exhausted(analyst, micros, remaining);
        }
        byte[] record = JSON.createObjectNode().put("analyst", analyst).put("micro_epsilon", micros).put("query", what)
                .put("at", at).toString().getBytes(StandardCharsets.UTF_8);
        log.appendAndSync(TYPE, record); // durable before the in-memory state (and so the answer) moves on
        long now = Math.addExact(used, micros);
        spent.put(analyst, now);
        assert now <= totalMicros : "privacy budget of " + analyst + " overspent: " + now + " > " + totalMicros;
        return totalMicros - now;
    }

    public synchronized long spentMicros(String analyst) {
        return spent.getOrDefault(analyst, 0L);
    }

    public synchronized long remainingMicros(String analyst) {
        return totalMicros - spentMicros(analyst);
    }

    public long totalMicros() {
        return totalMicros;
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("undecodable privacy budget record", e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
