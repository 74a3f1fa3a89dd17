package dev.farthing.server;

import dev.farthing.server.http.Route;

import java.util.List;

/**
 * A domain service (risk, channels) opened on top of the ledger, with the HTTP routes that expose it. The
 * server opens each after the ledger and closes each before it, so a service never outlives its ledger.
 */
public interface DomainApi extends AutoCloseable {

    List<Route> routes();

    /** Stops the service's own threads and flushes its state; the ledger is still open when this runs. */
    @Override
    void close();
}
