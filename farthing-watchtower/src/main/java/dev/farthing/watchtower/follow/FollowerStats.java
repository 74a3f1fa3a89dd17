package dev.farthing.watchtower.follow;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the follower keeps for logs, /health and tests. */
public final class FollowerStats {
    final AtomicLong events = new AtomicLong();
    final AtomicLong closes = new AtomicLong();
    final AtomicLong matched = new AtomicLong();
    final AtomicLong landed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong missed = new AtomicLong();

    public long events() {
        return events.get();
    }

    public long closes() {
        return closes.get();
    }

    /** Closes whose commitment opened one of our blobs: a revoked state was broadcast. */
    public long matched() {
        return matched.get();
    }

    public long landed() {
        return landed.get();
    }

    public long refused() {
        return refused.get();
    }

    /** Penalties given up because the dispute window closed first. */
    public long missed() {
        return missed.get();
    }
}
