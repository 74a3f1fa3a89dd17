package dev.farthing.compliance.screening;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sanctions screening service: searches the current list snapshot and swaps in a new one without a pause
 * (searches in flight finish on the snapshot they started with). Every result names the version and hash
 * it was decided on.
 */
public final class Screener {
    /** Scores at or above this are alerts; tuned on seed set A in docs/SCREENING.md. */
    public static final double DEFAULT_ALERT_THRESHOLD = 0.78;

    private record Loaded(ListSnapshot snapshot, ScreeningIndex index) {}

    private final AtomicReference<Loaded> current = new AtomicReference<>();
    private final double alertThreshold;

    public Screener(ListSnapshot snapshot, double alertThreshold) {
        if (!(alertThreshold > 0 && alertThreshold < 1)) throw new IllegalArgumentException("alert threshold must be in (0, 1)");
        this.alertThreshold = alertThreshold;
        replace(snapshot);
    }

    public Screener(ListSnapshot snapshot) { this(snapshot, DEFAULT_ALERT_THRESHOLD); }

    /** Builds the index for a new snapshot off the search path, then makes it current. */
    public void replace(ListSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        ScreeningIndex index = ScreeningIndex.build(snapshot.entries());
        current.set(new Loaded(snapshot, index));
    }

    public ScreeningResult search(ScreeningQuery query) {
        Loaded l = current.get();
        return new ScreeningResult(l.snapshot.version(), l.snapshot.sha256(), l.index.search(query, alertThreshold));
    }

    /** All scored candidates down to {@code floor}, for measuring quality below the alert threshold. */
    public ScreeningResult searchDownTo(ScreeningQuery query, double floor) {
        Loaded l = current.get();
        return new ScreeningResult(l.snapshot.version(), l.snapshot.sha256(), l.index.search(query, floor));
    }

    public ListSnapshot snapshot() { return current.get().snapshot; }

    public ScreeningIndex index() { return current.get().index; }

    public double alertThreshold() { return alertThreshold; }
}
