package dev.farthing.customers.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A customer log in memory that outlives the service using it, to test restarts without files. */
final class MemoryLog implements CustomerLog {
    final List<byte[]> records = new ArrayList<>();
    int appends;

    @Override
    public synchronized void replay(Consumer<byte[]> record) {
        records.forEach(record);
    }

    @Override
    public synchronized void append(List<byte[]> batch) {
        records.addAll(batch);
        appends++;
    }

    @Override
    public void close() {
    }
}
