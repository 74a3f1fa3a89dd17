package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code context.telemetry}: behavioural measurements, every one optional. One reader for the dataset codec
 * (strict: the first bad value refuses the record) and the server's API (lenient: each bad value is dropped on
 * its own with a warning, never the cause of a refused payment). Keystroke intervals are any JSON numbers of
 * milliseconds (browsers measure fractions with {@code performance.now()}), rounded half up to whole
 * milliseconds: whole-millisecond input is kept exactly as before, so the features and the shipped model see
 * what they were built on, and the journal format does not change.
 */
public final class TelemetryJson {
    static final int MAX_KEYSTROKES = 256;
    static final int MAX_INTERVAL_MS = 600_000;
    private static final Set<String> FIELDS = Set.of("keystroke_intervals_ms", "pointer_moves",
            "pointer_straightness", "touch_pressure_var");
    private static final String KEYSTROKES = "keystroke_intervals_ms";

    /** What happens to a value that cannot be used, given its dotted path and the problem. */
    public static final class Faults {
        private final BiConsumer<String, String> onFault;
        private final boolean lenient;

        private Faults(BiConsumer<String, String> onFault, boolean lenient) {
            this.onFault = onFault;
            this.lenient = lenient;
        }

        /** The first fault throws {@link InvalidRecordException}. */
        public static Faults strict() {
            return new Faults((path, problem) -> {
                throw new InvalidRecordException(path, problem);
            }, false);
        }

        /** Every fault is handed to {@code warn} and the value is left out; too many intervals are cut. */
        public static Faults lenient(BiConsumer<String, String> warn) {
            return new Faults(warn, true);
        }
    }

    private TelemetryJson() {
    }

    /** The dataset codec's strict read of {@code context.telemetry}, or null when absent. */
    static Telemetry parse(StrictObject context) {
        JsonNode node = context.object("telemetry");
        return node == null ? null : read(node, context.where("telemetry"), Faults.strict());
    }

    /** Reads the telemetry object {@code node} found at {@code path}; unknown fields are faults too. */
    public static Telemetry read(JsonNode node, String path, Faults faults) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                faults.onFault.accept(where(path, name), "is not a known field");
            }
        }
        return new Telemetry(keystrokes(node, path, faults), count(node, path, "pointer_moves", faults),
                number(node, path, "pointer_straightness", 0, 1, faults),
                number(node, path, "touch_pressure_var", 0, Double.MAX_VALUE, faults));
    }

    /** Up to {@link #MAX_KEYSTROKES} intervals, each a number of milliseconds within 0..{@link #MAX_INTERVAL_MS}. */
    private static int[] keystrokes(JsonNode telemetry, String path, Faults faults) {
        JsonNode node = value(telemetry, KEYSTROKES);
        String where = where(path, KEYSTROKES);
        if (node == null) {
            return new int[0];
        }
        if (!node.isArray()) {
            faults.onFault.accept(where, "must be an array of numbers of milliseconds");
            return new int[0];
        }
        int n = Math.min(node.size(), MAX_KEYSTROKES);
        if (node.size() > MAX_KEYSTROKES) {
            faults.onFault.accept(where, "has " + node.size() + " entries; " + (faults.lenient
                    ? "only the first " + MAX_KEYSTROKES + " are used" : "at most " + MAX_KEYSTROKES + " are allowed"));
        }
        int[] out = new int[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            JsonNode v = node.get(i);
            String problem = StrictObject.numberProblem(v, 0, MAX_INTERVAL_MS);
            if (problem != null) {
                faults.onFault.accept(where + "[" + i + "]", problem);
            } else {
                out[kept++] = (int) Math.round(v.doubleValue());
            }
        }
        return kept == n ? out : Arrays.copyOf(out, kept);
    }

    /** A count: a JSON number with no fractional part ({@code 12} or {@code 12.0}), or null. */
    private static Integer count(JsonNode telemetry, String path, String field, Faults faults) {
        JsonNode v = value(telemetry, field);
        if (v == null) {
            return null;
        }
        String problem = StrictObject.numberProblem(v, 0, Integer.MAX_VALUE);
        if (problem == null && v.doubleValue() != Math.rint(v.doubleValue())) {
            problem = "must be a whole number within 0.." + Integer.MAX_VALUE;
        }
        if (problem != null) {
            faults.onFault.accept(where(path, field), problem);
            return null;
        }
        return (int) v.doubleValue();
    }

    /** Any finite JSON number within [min, max] (integers, fractions and exponents alike), or null. */
    private static Double number(JsonNode telemetry, String path, String field, double min, double max,
                                 Faults faults) {
        JsonNode v = value(telemetry, field);
        if (v == null) {
            return null;
        }
        String problem = StrictObject.numberProblem(v, min, max);
        if (problem != null) {
            faults.onFault.accept(where(path, field), problem);
            return null;
        }
        return v.doubleValue();
    }

    /** The field's value, or null when absent or JSON null (the client did not measure it). */
    private static JsonNode value(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static String where(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static ObjectNode write(Telemetry t) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (t.keystrokeIntervalsMs() != null && t.keystrokeIntervalsMs().length > 0) {
            ArrayNode keys = out.putArray(KEYSTROKES);
            for (int k : t.keystrokeIntervalsMs()) {
                keys.add(k);
            }
        }
        if (t.pointerMoves() != null) {
            out.put("pointer_moves", t.pointerMoves());
        }
        if (t.pointerStraightness() != null) {
            out.put("pointer_straightness", t.pointerStraightness());
        }
        if (t.touchPressureVar() != null) {
            out.put("touch_pressure_var", t.touchPressureVar());
        }
        return out;
    }
}
