package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;

import java.util.Set;

/**
 * {@code context.telemetry}: behavioural measurements, every one optional, each present one right. Keystroke
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

    static Telemetry parse(StrictObject context) {
        JsonNode node = context.object("telemetry");
        if (node == null) {
            return null;
        }
        StrictObject t = StrictObject.of(node, context.where("telemetry"), FIELDS);
        return new Telemetry(keystrokes(t), t.count("pointer_moves", Integer.MAX_VALUE),
                t.number("pointer_straightness", 0, 1),
                t.number("touch_pressure_var", 0, Double.MAX_VALUE));
    }

    /** At most {@link #MAX_KEYSTROKES} intervals, each a number of milliseconds within 0..{@link #MAX_INTERVAL_MS}. */
    private static int[] keystrokes(StrictObject t) {
        JsonNode node = t.value(KEYSTROKES);
        if (node == null) {
            return new int[0];
        }
        if (!node.isArray()) {
            throw t.invalid(KEYSTROKES, "must be an array of numbers of milliseconds");
        }
        if (node.size() > MAX_KEYSTROKES) {
            throw t.invalid(KEYSTROKES, "has " + node.size() + " entries; at most " + MAX_KEYSTROKES + " are allowed");
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            String problem = StrictObject.numberProblem(v, 0, MAX_INTERVAL_MS);
            if (problem != null) {
                throw t.invalid(KEYSTROKES + "[" + i + "]", problem);
            }
            out[i] = (int) Math.round(v.doubleValue());
        }
        return out;
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
