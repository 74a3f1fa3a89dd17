package dev.farthing.watchtower.follow;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the engine's channel event stream. For {@code close_started} and {@code state_replaced} the
 * commitment is the state now submitted on chain ({@code ChannelState.bytes()}) and the window is when its
 * dispute window closes; other types carry what they carry (commitment may be null) and the tower only
 * advances past them. {@code at} is the engine's ledger time when the event was emitted: the tower judges
 * windows by it (and the page's ledger time), never by its own clock.
 */
public record ChannelEvent(long seq, String type, String channelId, byte[] commitment, long nonce, Instant windowEndsAt,
                           Instant at) {
    public static final String CLOSE_STARTED = "close_started";
    /** A higher-nonce state replaced the submitted one: a cheater may replace one revoked state by another. */
    public static final String STATE_REPLACED = "state_replaced";

    public ChannelEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at (the event's ledger time)");
        if (seq <= 0) {
            throw new IllegalArgumentException("event seq must be positive: " + seq);
        }
        commitment = commitment == null ? null : commitment.clone();
    }

    @Override
    public byte[] commitment() {
        return commitment == null ? null : commitment.clone();
    }

    /** True when this event puts a two-way state up for settlement, so a revoked one must be punished. */
    public boolean isBroadcast() {
        return (CLOSE_STARTED.equals(type) || STATE_REPLACED.equals(type)) && commitment != null;
    }

    @Override
    public String toString() {
        return "ChannelEvent[seq=" + seq + ", " + type + ", channel=" + channelId + ", nonce=" + nonce + ", at=" + at + "]";
    }
}
