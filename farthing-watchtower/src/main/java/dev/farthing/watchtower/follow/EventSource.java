package dev.farthing.watchtower.follow;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Where close events come from: the engine's long-poll stream, or a scripted source in tests. */
public interface EventSource {

    /** Events with seq greater than {@code after}, waiting up to {@code wait} for the first one. */
    EventPage poll(long after, Duration wait) throws IOException, InterruptedException;

    /** The engine's ledger time now (a poll that waits for nothing); the tower's clock for dispute windows. */
    Instant ledgerNow() throws IOException, InterruptedException;
}
