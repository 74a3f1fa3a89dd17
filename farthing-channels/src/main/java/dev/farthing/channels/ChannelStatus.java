package dev.farthing.channels;

/**
 * OPEN accepts claims or states; CLOSING waits for its deadline (one-way settle delay or cancel_after, two-way
 * dispute window); CLOSED has paid everything out and holds nothing in escrow.
 */
public enum ChannelStatus {
    OPEN, CLOSING, CLOSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
