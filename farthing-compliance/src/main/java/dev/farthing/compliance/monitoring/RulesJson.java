package dev.farthing.compliance.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Monitoring rules from JSON: an object whose members are {@link MonitoringRules}' components in snake case
 * ({@code report_threshold}, {@code structuring_window}, ...); durations ISO-8601 ({@code "PT1H"}, {@code "P7D"}),
 * lists arrays of strings. Members left out keep {@link MonitoringRules#defaults()}; an unknown member, a wrong
 * type or a value the rules refuse is an error naming it. {@code version} is required: alerts name it.
 */
public final class RulesJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesJson() {
    }

    public static MonitoringRules read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read monitoring rules " + file + ": " + e.getMessage(), e);
        }
    }

    public static MonitoringRules parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("monitoring rules are not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("monitoring rules are a JSON object");
        if (!root.path("version").isTextual()) throw new IllegalArgumentException("monitoring rules need a version (text)");
        MonitoringRules base = MonitoringRules.defaults();
        RecordComponent[] parts = MonitoringRules.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        List<String> known = new ArrayList<>();
        try {
            for (int i = 0; i < parts.length; i++) {
                String name = snake(parts[i].getName());
                known.add(name);
                JsonNode v = root.get(name);
                values[i] = v == null ? parts[i].getAccessor().invoke(base) : value(name, parts[i].getType(), v);
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) throw new IllegalArgumentException("unknown monitoring rule " + f + " (known: " + known + ")");
            }
            Class<?>[] types = new Class<?>[parts.length];
            for (int i = 0; i < parts.length; i++) types[i] = parts[i].getType();
            return MonitoringRules.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("monitoring rules refused: " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(String name, Class<?> type, JsonNode v) {
        if (type == String.class && v.isTextual()) return v.asText();
        if (type == long.class && v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        if (type == int.class && v.isIntegralNumber() && v.canConvertToInt()) return v.asInt();
        if (type == Duration.class && v.isTextual()) {
            try {
                return Duration.parse(v.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as PT1H or P7D, not " + v);
            }
        }
        if (type == List.class && v.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode x : v) {
                if (!x.isTextual()) throw new IllegalArgumentException(name + " is an array of strings");
                out.add(x.asText());
            }
            return out;
        }
        throw new IllegalArgumentException(name + " has the wrong type: " + v);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
