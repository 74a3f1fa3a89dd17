package dev.farthing.customers.service;

import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The customer log on the one durable {@link RecordLog}: one record (type {@value #TYPE}) per event, JSON. */
public final class RecordLogCustomerLog implements CustomerLog {
    static final int TYPE = 1;
    private final RecordLog log;

    private RecordLogCustomerLog(RecordLog log) {
        this.log = log;
    }

    public static RecordLogCustomerLog open(Path dir, boolean fsync) {
        return new RecordLogCustomerLog(RecordLog.open(dir, RecordLogOptions.DEFAULTS.withFsync(fsync)));
    }

    @Override
    public void replay(Consumer<byte[]> record) {
        log.replay(log.startPosition(), r -> {
            if (r.type() != TYPE) {
                throw new IllegalStateException("unknown record type " + r.type() + " at " + r.position()
                        + " of the customer log " + log.directory());
            }
            record.accept(r.payload());
        });
    }

    @Override
    public void append(List<byte[]> records) {
        List<Entry> entries = new ArrayList<>(records.size());
        for (byte[] r : records) {
            entries.add(new Entry(TYPE, r));
        }
        log.appendBatchAndSync(entries);
    }

    @Override
    public void close() {
        log.close();
    }
}
