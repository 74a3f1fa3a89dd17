package dev.farthing.disputes.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.RecordScanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The disputes' record log: each change journals the whole dispute as it now stands (type 1), each delivery
 * record once (type 2), as JSON. Replay applies them in order; the last version of a dispute wins. Disputes are
 * rare next to payments, so the log is replayed whole (no snapshot yet).
 */
final class DisputeStore implements AutoCloseable {
    static final int DISPUTE = 1;
    static final int DELIVERY = 2;
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final RecordLog log;

    DisputeStore(Path dir, boolean fsync) {
        this.log = RecordLog.open(dir, RecordLogOptions.DEFAULTS.withFsync(fsync));
    }

    void replay(Consumer<Dispute> disputes, Consumer<Delivery> deliveries) {
        try (RecordScanner records = log.scan(log.startPosition())) {
            records.forEachRemaining(r -> {
                try {
                    switch (r.type()) {
                        case DISPUTE -> disputes.accept(JSON.readValue(r.payload(), Dispute.class));
                        case DELIVERY -> deliveries.accept(JSON.readValue(r.payload(), Delivery.class));
                        default -> throw new IllegalStateException("unknown dispute record type " + r.type() + " at " + r.position());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("dispute record at " + r.position() + " does not read", e);
                }
            });
        }
    }

    void append(Dispute d) {
        log.appendAndSync(DISPUTE, bytes(d));
    }

    void append(Delivery d) {
        log.appendAndSync(DELIVERY, bytes(d));
    }

    static byte[] bytes(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
