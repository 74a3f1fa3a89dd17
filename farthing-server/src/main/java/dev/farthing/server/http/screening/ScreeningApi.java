package dev.farthing.server.http.screening;

import dev.farthing.compliance.screening.ListSnapshot;
import dev.farthing.compliance.screening.Screener;
import dev.farthing.compliance.screening.SnapshotStore;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.audit.AuditTrail;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sanctions screening over HTTP, on the list snapshots stored in {@code DATA/screening/sanctions} (by
 * {@code farthing sanctions load --data DATA} or {@code POST /v1/screening/lists}). The current snapshot's index
 * is built on a background thread at start, so the server opens at once; searches before it is ready are 503.
 */
public final class ScreeningApi implements DomainApi {
    private final SnapshotStore store;
    private final AtomicReference<Screener> screener = new AtomicReference<>();
    private final AtomicReference<String> loadFailure = new AtomicReference<>();
    private final Thread loader;
    private final List<Route> routes;
    private final List<Consumer<ListSnapshot>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final AuditTrail trail;

    private ScreeningApi(SnapshotStore store, AuditTrail trail) {
        this.store = store;
        this.trail = trail;
        this.routes = new ScreeningRoutes(this).routes();
        this.loader = Thread.ofPlatform().name("screening-index").daemon().unstarted(this::loadStored);
    }

    public static ScreeningApi open(Path dir, Ledger ledger, Metrics metrics) {
        return open(dir, ledger, metrics, AuditTrail.NONE);
    }

    /** As above; list installs through the API go to {@code trail}. */
    public static ScreeningApi open(Path dir, Ledger ledger, Metrics metrics, AuditTrail trail) {
        ScreeningApi api = new ScreeningApi(new SnapshotStore(dir), trail);
        api.loader.start();
        return api;
    }

    AuditTrail trail() {
        return trail;
    }

    private void loadStored() {
        try {
            store.loadCurrent().ifPresent(this::install);
        } catch (RuntimeException e) {
            loadFailure.set(e.getMessage());
        }
    }

    /** Makes a snapshot current: a new index is built, then swapped in; searches in flight keep the old one. */
    synchronized ListSnapshot install(ListSnapshot snapshot) {
        Screener current = screener.get();
        if (current == null) screener.set(new Screener(snapshot));
        else current.replace(snapshot);
        loadFailure.set(null);
        for (Consumer<ListSnapshot> l : listeners) {
            l.accept(snapshot);
        }
        return snapshot;
    }

    /** The screener on the current list version; empty until one is loaded. */
    public Optional<Screener> currentScreener() { return screener(); }

    /**
     * Calls {@code listener} with every list version installed from now on (on the installing thread: it must
     * only hand the work off), and at once with the current one if one is loaded.
     */
    public synchronized void onInstall(Consumer<ListSnapshot> listener) {
        listeners.add(listener);
        Screener current = screener.get();
        if (current != null) listener.accept(current.snapshot());
    }

    Optional<Screener> screener() { return Optional.ofNullable(screener.get()); }

    Optional<String> loadFailure() { return Optional.ofNullable(loadFailure.get()); }

    boolean loading() { return loader.isAlive(); }

    SnapshotStore store() { return store; }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        loader.interrupt();
    }
}
