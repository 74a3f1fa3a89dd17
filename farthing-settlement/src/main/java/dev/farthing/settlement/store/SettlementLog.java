package dev.farthing.settlement.store;

import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.RecordScanner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The settlement store: one record log, events appended durably (fsync) before they are applied, replayed in
 * full on open. Payout volumes are batches, not payments, so the log stays small; compaction is not needed yet.
 */
public final class SettlementLog implements AutoCloseable {
    private final RecordLog log;

    private SettlementLog(RecordLog log) {
        this.log = log;
    }

    public static SettlementLog open(Path dir) {
        return new SettlementLog(RecordLog.open(dir, RecordLogOptions.DEFAULTS));
    }

    /** Calls {@code apply} with every durable event, oldest first; returns how many. */
    public long replay(Consumer<SettlementEvent> apply) {
        long n = 0;
        try (RecordScanner records = log.scan(log.startPosition())) {
            while (records.hasNext()) {
                Record r = records.next();
                apply.accept(EventCodec.decode(r.type(), r.payload()));
                n++;
            }
        }
        return n;
    }

    /** Durable when this returns. */
    public void append(SettlementEvent event) {
        log.appendAndSync(EventCodec.typeOf(event), EventCodec.encode(event));
    }

    /** All or none of them survive a crash. */
    public void appendAll(List<? extends SettlementEvent> events) {
        List<Entry> entries = new ArrayList<>(events.size());
        for (SettlementEvent e : events) {
            entries.add(new Entry(EventCodec.typeOf(e), EventCodec.encode(e)));
        }
        log.appendBatchAndSync(entries);
    }

    @Override
    public void close() {
        log.close();
    }
}
