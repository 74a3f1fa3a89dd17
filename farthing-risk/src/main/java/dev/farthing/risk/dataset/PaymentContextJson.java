package dev.farthing.risk.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentContext.Geo;

import java.util.Locale;

/**
 * The {@code context} object of a payment body: where, on what and how the payer paid. {@code device_id} and
 * {@code ip} are required; every other field is optional, and each one present must be right (a dataset is
 * written canonically, so anything malformed, out of range or unknown is a damaged record).
 */
final class PaymentContextJson {
    static final int MAX_ID_TEXT = 128;

    private PaymentContextJson() {
    }

    static PaymentContext parse(JsonNode node, String path) {
        StrictObject in = StrictObject.anyFields(node, path);
        String deviceId = in.string("device_id", MAX_ID_TEXT);
        String ip = ip(in);
        StrictObject s = StrictObject.of(node, path, ContextFields.FIELDS);
        return new PaymentContext(deviceId, ip, country(s), geo(s),
                s.optionalText("user_agent", StrictObject.MAX_TEXT_LENGTH),
                s.optionalText("session_id", MAX_ID_TEXT),
                s.optionalText("content_id", MAX_ID_TEXT),
                s.time("content_started_at", PaymentContext.UNKNOWN),
                s.optionalText("instrument_id", MAX_ID_TEXT),
                s.time("account_created_at", PaymentContext.UNKNOWN),
                TelemetryJson.parse(s));
    }

    private static String ip(StrictObject in) {
        String ip = in.string("ip", 45);
        if (ContextFields.isIpLiteral(ip)) {
            return ip;
        }
        throw in.invalid("ip", "must be an IPv4 (dotted quad) or IPv6 address literal");
    }

    /** ISO 3166-1 alpha-2 in any case ({@code de}, {@code De}), kept in upper case. */
    private static String country(StrictObject s) {
        JsonNode v = s.value("country");
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || !ContextFields.isCountryCode(v.textValue())) {
            throw s.invalid("country", "must be an ISO 3166-1 alpha-2 code like DE");
        }
        return v.textValue().toUpperCase(Locale.ROOT);
    }

    /** Both coordinates or no position. */
    private static Geo geo(StrictObject in) {
        JsonNode node = in.object("geo");
        if (node == null) {
            return null;
        }
        StrictObject geo = StrictObject.of(node, in.where("geo"), ContextFields.GEO_FIELDS);
        Double lat = geo.number("lat", -90, 90);
        Double lon = geo.number("lon", -180, 180);
        if (lat == null) {
            throw geo.invalid("lat", "is required with lon");
        }
        if (lon == null) {
            throw geo.invalid("lon", "is required with lat");
        }
        return new Geo(lat, lon);
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
            out.set("telemetry", TelemetryJson.write(c.telemetry()));
        }
        return out;
    }

    private static void putIfPresent(ObjectNode out, String field, String value) {
        if (value != null) {
            out.put(field, value);
        }
    }
}
