package dev.farthing.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A progress bar on stderr. On a terminal it redraws one line in place (carriage return, at most ten
 * times a second so a fast callback cannot flood the terminal); when stderr is a file or a CI log it prints
 * one line per 10% instead, so logs stay readable. Thread-safe: callbacks may come from any thread.
 */
public final class ProgressBar {
    /** How {@code done}/{@code total} are shown: as byte sizes, or as plain counts of {@code noun}. */
    public enum Unit { BYTES, COUNT }

    private static final int BAR_WIDTH = 28;
    private static final long REDRAW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SPINNER_INTERVAL_MS = 200;

    private final PrintWriter err;
    private final String label;
    private final Unit unit;
    private final String noun;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    /** Set so that the first update draws at once (nanoTime may be negative, so not 0). */
    private long lastDrawNanos = startNanos - REDRAW_INTERVAL_NANOS;
    private int lastDecilePrinted = -1;
    private int lastLineLength;
    private long lastDone;
    private long lastTotal;
    private boolean updated;
    private boolean finished;

    public ProgressBar(PrintWriter err, String label, Unit unit, String noun, boolean interactive) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.noun = noun;
        this.interactive = interactive;
    }

    public static ProgressBar bytes(PrintWriter err, String label) {
        return new ProgressBar(err, label, Unit.BYTES, "", isTerminal());
    }

    public static ProgressBar count(PrintWriter err, String label, String noun) {
        return new ProgressBar(err, label, Unit.COUNT, noun, isTerminal());
    }

    /** True when stderr is an interactive terminal, where redrawing a line in place works. */
    public static boolean isTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Reports that {@code done} of {@code total} units are processed ({@code total} &le; 0: unknown). */
    public synchronized void update(long done, long total) {
        if (finished) {
            return;
        }
        updated = true;
        lastDone = done;
        lastTotal = total;
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos >= REDRAW_INTERVAL_NANOS) {
                lastDrawNanos = now;
                redraw(render(done, total, now - startNanos));
            }
        } else if (total > 0) {
            int decile = (int) Math.min(10, done * 10 / total);
            if (decile > lastDecilePrinted) {
                lastDecilePrinted = decile;
                err.println(render(done, total, now - startNanos));
                err.flush();
            }
        }
    }

    /** Draws the final state and ends the line; later updates are ignored. Silent if nothing was reported. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (!updated) {
            return;
        }
        String line = render(lastDone, lastTotal, System.nanoTime() - startNanos);
        if (interactive) {
            redraw(line);
            err.println();
        } else if (lastTotal <= 0 || lastDecilePrinted < 10) {
            err.println(line);
        }
        err.flush();
    }

    private void redraw(String line) {
        // Pad with spaces rather than an ANSI erase so terminals without escape support still clear the tail.
        String padding = " ".repeat(Math.max(0, lastLineLength - line.length()));
        lastLineLength = line.length();
        err.print("\r" + line + padding);
        err.flush();
    }

    String render(long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        StringBuilder sb = new StringBuilder(label).append(' ');
        if (total > 0) {
            double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            sb.append('[').append("=".repeat(filled)).append(filled < BAR_WIDTH ? ">" : "")
                    .append(" ".repeat(Math.max(0, BAR_WIDTH - filled - 1))).append("] ")
                    .append(String.format(Locale.ROOT, "%5.1f%%  ", fraction * 100))
                    .append(amount(done)).append(" / ").append(amount(total));
        } else {
            sb.append(amount(done));
        }
        sb.append("  ").append(amount((long) (done / seconds))).append("/s");
        if (total > 0 && done > 0 && done < total) {
            long remaining = (long) ((total - done) * seconds / done);
            sb.append("  ETA ").append(duration(remaining));
        } else {
            sb.append("  ").append(duration((long) seconds));
        }
        return sb.toString();
    }

    private String amount(long value) {
        if (unit == Unit.COUNT) {
            return String.format(Locale.ROOT, "%,d%s", value, noun.isEmpty() ? "" : " " + noun);
        }
        return humanBytes(value);
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int i = -1;
        do {
            value /= 1024;
            i++;
        } while (value >= 1024 && i < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", value, units[i]);
    }

    static String duration(long seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * Runs {@code work} (whose progress cannot be measured, such as recovering a ledger) while showing
     * an elapsed-time spinner on a terminal, or a single "label..." line elsewhere.
     */
    public static <T> T indeterminate(PrintWriter err, String label, Callable<T> work) throws Exception {
        boolean interactive = isTerminal();
        if (!interactive) {
            err.println(label + "...");
            err.flush();
            return work.call();
        }
        long start = System.nanoTime();
        Thread spinner = Thread.ofVirtual().name("progress-spinner").start(() -> spin(err, label, start));
        try {
            return work.call();
        } finally {
            spinner.interrupt();
            try {
                spinner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.printf(Locale.ROOT, "\r%s... done in %.1f s%n", label, (System.nanoTime() - start) / 1e9);
            err.flush();
        }
    }

    private static void spin(PrintWriter err, String label, long start) {
        String frames = "|/-\\";
        for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
            err.printf(Locale.ROOT, "\r%s... %c %.1f s", label, frames.charAt(i % frames.length()),
                    (System.nanoTime() - start) / 1e9);
            err.flush();
            try {
                Thread.sleep(SPINNER_INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
