package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;

import java.util.Arrays;
import java.util.Set;

/**
 * {@code context.telemetry}: behavioural measurements, every one optional and read leniently. Keystroke
 * intervals are any JSON numbers of milliseconds (browsers measure fractions with {@code performance.now()}),
 * rounded half up to whole milliseconds: whole-millisecond input is kept exactly as before, so the features and
 * the shipped model see what they were built on, and the journal format does not change.
 */
final class TelemetryJson {
    static final int MAX_KEYSTROKES = 256;
    static final int MAX_INTERVAL_MS = 600_000;
    private static final Set<String> FIELDS = Set.of("keystroke_intervals_ms", "pointer_moves",
            "pointer_straightness", "touch_pressure_var");
    private static final String KEYSTROKES = "keystroke_intervals_ms";

    private TelemetryJson() {
    }

    static Telemetry read(Signals context) {
        JsonNode node = context.object("telemetry");
        if (node == null) {
            return null;
        }
        Signals t = Signals.of(node, context.where("telemetry"), FIELDS, context.warnings());
        return new Telemetry(keystrokes(t), t.count("pointer_moves", Integer.MAX_VALUE),
                t.number("pointer_straightness", 0, 1),
                t.number("touch_pressure_var", 0, Double.MAX_VALUE));
    }

    /** Each bad interval is dropped on its own; past {@link #MAX_KEYSTROKES} the rest are not read. */
    private static int[] keystrokes(Signals t) {
        JsonNode node = t.value(KEYSTROKES);
        if (node == null) {
            return new int[0];
        }
        if (!node.isArray()) {
            t.drop(KEYSTROKES, "must be an array of numbers of milliseconds");
            return new int[0];
        }
        int n = Math.min(node.size(), MAX_KEYSTROKES);
        if (node.size() > MAX_KEYSTROKES) {
            t.drop(KEYSTROKES, "has " + node.size() + " entries; only the first " + MAX_KEYSTROKES + " are used");
        }
        int[] out = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            JsonNode v = node.get(i);
            String problem = Signals.numberProblem(v, 0, MAX_INTERVAL_MS);
            if (problem != null) {
                t.drop(KEYSTROKES + "[" + i + "]", problem);
            } else {
                out[kept++] = (int) Math.round(v.doubleValue());
            }
        }
        return kept == n ? out : Arrays.copyOf(out, kept);
    }
}
