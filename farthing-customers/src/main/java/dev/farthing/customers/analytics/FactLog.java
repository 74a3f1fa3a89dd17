package dev.farthing.customers.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The payment facts analytics and exports read, on the shared record log ({@code DATA/analytics/facts}): one JSON
 * record (type {@value #TYPE}) per payment that moved money, pseudonymous fields only. Appends go through the log's
 * group commit and return at once; a scan reads what is durable.
 */
public final class FactLog implements AutoCloseable {
    static final int TYPE = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RecordLog log;

    private FactLog(RecordLog log) {
        this.log = log;
    }

    public static FactLog open(Path dir, boolean fsync) {
        return new FactLog(RecordLog.open(dir, RecordLogOptions.DEFAULTS.withFsync(fsync)));
    }

    /** For offline tools ({@code farthing export}): changes nothing on disk. */
    public static FactLog openReadOnly(Path dir) {
        return new FactLog(RecordLog.openReadOnly(dir, RecordLogOptions.DEFAULTS));
    }

    public static boolean exists(Path dir) {
        return RecordLog.exists(dir);
    }

    /** Durable when the future completes. */
    public CompletableFuture<Long> append(PaymentFact f) {
        return log.append(TYPE, encode(f));
    }

    /** Every fact the log holds, oldest first. */
    public void scan(Consumer<PaymentFact> sink) {
        log.replay(log.startPosition(), r -> {
            if (r.type() != TYPE) {
                throw new IllegalStateException("unknown record type " + r.type() + " at " + r.position()
                        + " of the fact log " + log.directory());
            }
            sink.accept(decode(r.payload()));
        });
    }

    static byte[] encode(PaymentFact f) {
        return JSON.createObjectNode().put("subject", f.subject()).put("creator", f.creator()).put("country", f.country())
                .put("day", f.epochDay()).put("currency", f.currency()).put("amount", f.amount()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static PaymentFact decode(byte[] payload) {
        try {
            JsonNode o = JSON.readTree(payload);
            return new PaymentFact(o.get("subject").textValue(), o.get("creator").textValue(), o.get("country").textValue(),
                    o.get("day").longValue(), o.get("currency").textValue(), o.get("amount").longValue());
        } catch (IOException e) {
            throw new UncheckedIOException("undecodable payment fact", e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
