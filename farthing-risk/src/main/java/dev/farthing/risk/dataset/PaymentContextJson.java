package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.risk.payment.PaymentContext;
import dev.farthing.risk.payment.PaymentContext.Geo;
import dev.farthing.risk.payment.PaymentContext.Telemetry;

import java.net.Inet6Address;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code context} object of a payment body: where, on what and how the payer paid. */
final class PaymentContextJson {
    static final int MAX_KEYSTROKES = 256;
    static final int MAX_INTERVAL_MS = 600_000;
    private static final int MAX_DEVICE_ID = 128;
    private static final Set<String> FIELDS = Set.of("device_id", "ip", "country", "geo", "user_agent",
            "session_id", "content_id", "content_started_at", "instrument_id", "account_created_at", "telemetry");
    private static final Set<String> GEO_FIELDS = Set.of("lat", "lon");
    private static final Set<String> TELEMETRY_FIELDS = Set.of("keystroke_intervals_ms", "pointer_moves",
            "pointer_straightness", "touch_pressure_var");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private PaymentContextJson() {
    }

    static PaymentContext parse(JsonNode node, String path) {
        StrictObject in = StrictObject.of(node, path, FIELDS);
        String deviceId = in.string("device_id", MAX_DEVICE_ID);
        String ip = ip(in);
        String country = in.optionalString("country", 2);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw in.invalid("country", "must be an ISO 3166-1 alpha-2 code like DE");
        }
        return new PaymentContext(deviceId, ip, country, geo(in),
                in.optionalString("user_agent", StrictObject.MAX_TEXT_LENGTH),
                in.optionalString("session_id", MAX_DEVICE_ID),
                in.optionalString("content_id", MAX_DEVICE_ID),
                in.optionalTime("content_started_at", PaymentContext.UNKNOWN),
                in.optionalString("instrument_id", MAX_DEVICE_ID),
                in.optionalTime("account_created_at", PaymentContext.UNKNOWN),
                telemetry(in));
    }

    private static String ip(StrictObject in) {
        String ip = in.string("ip", 45);
        if (IPV4.matcher(ip).matches()) {
            return ip;
        }
        if (ip.indexOf(':') >= 0) {
            try {
                Inet6Address.ofLiteral(ip);
                return ip;
            } catch (IllegalArgumentException e) {
                // falls through to the complaint below
            }
        }
        throw in.invalid("ip", "must be an IPv4 (dotted quad) or IPv6 address literal");
    }

    private static Geo geo(StrictObject in) {
        JsonNode node = in.value("geo");
        if (node == null) {
            return null;
        }
        StrictObject geo = StrictObject.of(node, in.where("geo"), GEO_FIELDS);
        Double lat = geo.optionalNumber("lat", -90, 90);
        Double lon = geo.optionalNumber("lon", -180, 180);
        if (lat == null || lon == null) {
            throw geo.invalid(lat == null ? "lat" : "lon", "is required");
        }
        return new Geo(lat, lon);
    }

    private static Telemetry telemetry(StrictObject in) {
        JsonNode node = in.value("telemetry");
        if (node == null) {
            return null;
        }
        StrictObject t = StrictObject.of(node, in.where("telemetry"), TELEMETRY_FIELDS);
        return new Telemetry(keystrokes(t), t.optionalCount("pointer_moves", Integer.MAX_VALUE),
                t.optionalNumber("pointer_straightness", 0, 1),
                t.optionalNumber("touch_pressure_var", 0, Double.MAX_VALUE));
    }

    private static int[] keystrokes(StrictObject t) {
        JsonNode node = t.value("keystroke_intervals_ms");
        if (node == null) {
            return new int[0];
        }
        if (!node.isArray() || node.size() > MAX_KEYSTROKES) {
            throw t.invalid("keystroke_intervals_ms", "must be an array of at most " + MAX_KEYSTROKES + " integers");
        }
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > MAX_INTERVAL_MS) {
                throw t.invalid("keystroke_intervals_ms[" + i + "]", "must be an integer within 0.." + MAX_INTERVAL_MS);
            }
            out[i] = v.intValue();
        }
        return out;
    }

    static ObjectNode write(PaymentContext c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("device_id", c.deviceId());
        out.put("ip", c.ip());
        putIfPresent(out, "country", c.country());
        if (c.geo() != null) {
            out.putObject("geo").put("lat", c.geo().lat()).put("lon", c.geo().lon());
        }
        putIfPresent(out, "user_agent", c.userAgent());
        putIfPresent(out, "session_id", c.sessionId());
        putIfPresent(out, "content_id", c.contentId());
        if (c.contentStartedAtNanos() != PaymentContext.UNKNOWN) {
            out.put("content_started_at", Rfc3339.format(c.contentStartedAtNanos()));
        }
        putIfPresent(out, "instrument_id", c.instrumentId());
        if (c.accountCreatedAtNanos() != PaymentContext.UNKNOWN) {
            out.put("account_created_at", Rfc3339.format(c.accountCreatedAtNanos()));
        }
        if (c.telemetry() != null) {
            out.set("telemetry", writeTelemetry(c.telemetry()));
        }
        return out;
    }

    private static ObjectNode writeTelemetry(Telemetry t) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (t.keystrokeIntervalsMs() != null && t.keystrokeIntervalsMs().length > 0) {
            ArrayNode keys = out.putArray("keystroke_intervals_ms");
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

    private static void putIfPresent(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
