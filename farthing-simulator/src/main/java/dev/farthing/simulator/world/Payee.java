package dev.farthing.simulator.world;

import java.util.random.RandomGenerator;

/**
 * Someone paid: a publisher (per article), a video channel (per minute), a creator (tips) or a game (items).
 * {@code price} is the usual price in minor units; {@code chargesOnOpen} publishers charge the moment an
 * article opens, so their readers' consumption speed is near zero, as a bot's would be.
 */
public record Payee(String id, Kind kind, long price, int contentCount, boolean chargesOnOpen) {

    public enum Kind { PUBLISHER, CHANNEL, CREATOR, GAME }

    /** A content id, popular items first (Zipf-like). */
    public String content(RandomGenerator random) {
        int k = (int) Math.min(contentCount - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * contentCount));
        return id + ":" + (kind == Kind.GAME ? "item" : kind == Kind.CHANNEL ? "v" : "a") + k;
    }
}
