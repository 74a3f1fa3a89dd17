package dev.farthing.ledger.api;

/**
 * Where an event sits in the ledger's history: the journal batch that committed it ({@code 1, 2, 3, ...} with no
 * gaps) and its place in that batch ({@code 0..}). Positions order the history totally. A consumer keeps the
 * position of the last event it has handled and asks for the events after it; {@link #START} precedes every event.
 */
public record EventPosition(long batch, int index) implements Comparable<EventPosition> {
    public static final EventPosition START = new EventPosition(0, 0);

    public EventPosition {
        if (batch < 0 || index < 0) {
            throw new IllegalArgumentException("an event position has batch >= 0 and index >= 0: " + batch + ":" + index);
        }
    }

    /** Parses the {@link #toString()} form, {@code batch:index}. */
    public static EventPosition parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("an event position is batch:index, not " + text);
        }
        try {
            return new EventPosition(Long.parseLong(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an event position is batch:index, not " + text, e);
        }
    }

    @Override
    public int compareTo(EventPosition o) {
        return batch != o.batch ? Long.compare(batch, o.batch) : Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return batch + ":" + index;
    }
}
