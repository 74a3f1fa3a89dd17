package dev.farthing.customers.service;

import java.util.List;
import java.util.function.Consumer;

/**
 * The durable, ordered log of customer events. The service replays it on open and appends each batch of events
 * from its one writer thread; {@link #append} returns once the batch is durable (fsynced), so nothing is
 * acknowledged before it would survive a crash.
 */
public interface CustomerLog extends AutoCloseable {

    /** Every record appended so far, in order. */
    void replay(Consumer<byte[]> record);

    /** Appends the records as one durable batch; throws when they cannot be made durable. */
    void append(List<byte[]> records);

    @Override
    void close();
}
