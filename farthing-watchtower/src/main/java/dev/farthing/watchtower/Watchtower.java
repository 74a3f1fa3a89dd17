package dev.farthing.watchtower;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.watchtower.follow.CursorFile;
import dev.farthing.watchtower.follow.Follower;
import dev.farthing.watchtower.follow.FollowerStats;
import dev.farthing.watchtower.http.BlobUploads;
import dev.farthing.watchtower.http.TowerHttpServer;
import dev.farthing.watchtower.store.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running tower: the durable blob store, its upload API, and the follower thread that watches the
 * engine's closes. Everything durable lives in {@code config.store().dir()}: the blob file and the cursor.
 */
public final class Watchtower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Watchtower.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlobStore store;
    private final Follower follower;
    private final Thread followerThread;
    private final TowerHttpServer http;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.time.Clock clock;

    private Watchtower(WatchtowerConfig config, BlobStore store) {
        this.store = store;
        CursorFile cursor = CursorFile.open(config.store().dir());
        this.clock = config.clock();
        this.follower = new Follower(config.events(), store, config.penalties(), cursor, config.crashPoint(),
                config.pollWait());
        this.http = TowerHttpServer.start(config.host(), config.port(), config.uploadAuth(), new BlobUploads(store), this::health);
        this.followerThread = Thread.ofPlatform().name("tower-follower").daemon().start(this::follow);
    }

    /** Opens the store, starts the API and starts following; a failure closes what was opened. */
    public static Watchtower start(WatchtowerConfig config) {
        BlobStore store = BlobStore.open(config.store());
        try {
            Watchtower tower = new Watchtower(config, store);
            LOG.info("Watchtower listening on port {} with {} blobs (data {})", tower.port(), store.size(), config.store().dir());
            return tower;
        } catch (RuntimeException | Error e) {
            store.close();
            throw e;
        }
    }

    private void follow() {
        try {
            follower.run();
        } catch (Error e) {
            // A crash injected by a test, or a real one: the follower dies here, its cursor unsaved.
            LOG.error("Follower thread died at cursor {}: {}", follower.cursor(), e.toString());
        }
    }

    public int port() {
        return http.port();
    }

    public FollowerStats stats() {
        return follower.stats();
    }

    public long cursor() {
        return follower.cursor();
    }

    /** True while the follower thread is alive (false after an injected crash). */
    public boolean following() {
        return followerThread.isAlive();
    }

    public int blobs() {
        return store.size();
    }

    private ObjectNode health() {
        FollowerStats s = follower.stats();
        ObjectNode body = JSON.createObjectNode().put("status", following() ? "ok" : "follower_down")
                .put("blobs", store.size()).put("cursor", follower.cursor()).put("events", s.events())
                .put("closes", s.closes()).put("matched", s.matched()).put("penalties_landed", s.landed())
                .put("penalties_refused", s.refused()).put("penalties_missed", s.missed());
        java.time.Instant ledger = follower.ledgerTime();
        body.put("ledger_time", ledger == null ? null : ledger.toString());
        // Informational only: windows are judged by ledger time, so a skewed tower clock changes nothing.
        body.put("clock_skew_ms", ledger == null ? null : clock.millis() - ledger.toEpochMilli());
        return body;
    }

    /** The engine's ledger time as the follower last saw it (null before the engine first answered). */
    public java.time.Instant ledgerTime() {
        return follower.ledgerTime();
    }

    /** Stops the follower (ending a penalty retry), the API, then closes the store. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        follower.stop();
        try {
            followerThread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            http.close();
        } finally {
            store.close();
            LOG.info("Watchtower stopped");
        }
    }
}
