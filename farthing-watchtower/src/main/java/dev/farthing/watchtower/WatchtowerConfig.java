package dev.farthing.watchtower;

import dev.farthing.watchtower.follow.CrashPoint;
import dev.farthing.watchtower.follow.EventSource;
import dev.farthing.watchtower.follow.PenaltySubmitter;
import dev.farthing.watchtower.http.UploadAuth;
import dev.farthing.watchtower.store.StoreOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a tower runs: its store, where it listens, who may upload (token and/or client keys), where events come from and
 * penalties go (normally one {@code EngineClient}), the tower's own clock (only reported next to the engine's
 * ledger time in /health: dispute windows are judged by ledger time alone), how long each
 * long poll waits, and an injectable crash point for tests.
 */
public record WatchtowerConfig(StoreOptions store, String host, int port, UploadAuth uploadAuth, EventSource events,
                               PenaltySubmitter penalties, Clock clock, Duration pollWait, CrashPoint crashPoint) {

    public WatchtowerConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(penalties, "penalties");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pollWait, "pollWait");
        Objects.requireNonNull(crashPoint, "crashPoint");
        Objects.requireNonNull(uploadAuth, "uploadAuth");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    public WatchtowerConfig withCrashPoint(CrashPoint crash) {
        return new WatchtowerConfig(store, host, port, uploadAuth, events, penalties, clock, pollWait, crash);
    }

    public WatchtowerConfig withPort(int newPort) {
        return new WatchtowerConfig(store, host, newPort, uploadAuth, events, penalties, clock, pollWait, crashPoint);
    }
}
