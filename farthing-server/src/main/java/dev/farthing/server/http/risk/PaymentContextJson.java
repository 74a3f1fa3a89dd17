package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentContext.Geo;
import dev.farthing.contracts.payment.PaymentContext.Telemetry;
import dev.farthing.risk.dataset.ContextFields;
import dev.farthing.risk.dataset.TelemetryJson;
import dev.farthing.server.http.JsonTree;

import java.util.Locale;

/**
 * The {@code context} object of a payment body: where, on what and how the payer paid. {@code device_id} and
 * {@code ip} are required and strict (a missing or malformed one refuses the payment); every other field is an
 * optional signal read leniently ({@link Signals}): what is malformed, out of range or unknown is left out and
 * listed in the warnings, and the payment is decided on the rest. Writing is the dataset codec's
 * ({@code dev.farthing.risk.dataset.PaymentRecordJson}).
 */
final class PaymentContextJson {
    static final int MAX_ID_TEXT = 128;

    private PaymentContextJson() {
    }

    static PaymentContext read(JsonNode node, String path, Warnings warnings) {
        JsonTree in = JsonTree.anyFields(node, path);
        String deviceId = in.string("device_id", MAX_ID_TEXT);
        String ip = ip(in);
        Signals s = Signals.of(node, path, ContextFields.FIELDS, warnings);
        return new PaymentContext(deviceId, ip, country(s), geo(s),
                s.text("user_agent", JsonTree.MAX_TEXT_LENGTH),
                s.text("session_id", MAX_ID_TEXT),
                s.text("content_id", MAX_ID_TEXT),
                s.time("content_started_at", PaymentContext.UNKNOWN),
                s.text("instrument_id", MAX_ID_TEXT),
                s.time("account_created_at", PaymentContext.UNKNOWN),
                telemetry(s));
    }

    /** {@code telemetry}: the dataset's reader, lenient here: each odd value is dropped with a warning. */
    private static Telemetry telemetry(Signals context) {
        JsonNode node = context.object("telemetry");
        return node == null ? null : TelemetryJson.read(node, context.where("telemetry"),
                TelemetryJson.Faults.lenient(context.warnings()::add));
    }

    private static String ip(JsonTree in) {
        String ip = in.string("ip", 45);
        if (ContextFields.isIpLiteral(ip)) {
            return ip;
        }
        throw in.invalid("ip", "must be an IPv4 (dotted quad) or IPv6 address literal");
    }

    /** ISO 3166-1 alpha-2 in any case ({@code de}, {@code De}), kept in upper case. */
    private static String country(Signals s) {
        JsonNode v = s.value("country");
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || !ContextFields.isCountryCode(v.textValue())) {
            s.drop("country", "must be an ISO 3166-1 alpha-2 code like DE");
            return null;
        }
        return v.textValue().toUpperCase(Locale.ROOT);
    }

    /** Both coordinates or no position: half a position is dropped with the half that is wrong named. */
    private static Geo geo(Signals in) {
        JsonNode node = in.object("geo");
        if (node == null) {
            return null;
        }
        Signals geo = Signals.of(node, in.where("geo"), ContextFields.GEO_FIELDS, in.warnings());
        Double lat = geo.number("lat", -90, 90);
        Double lon = geo.number("lon", -180, 180);
        if (lat == null && geo.value("lat") == null) {
            geo.drop("lat", "is required with lon");
        }
        if (lon == null && geo.value("lon") == null) {
            geo.drop("lon", "is required with lat");
        }
        return lat == null || lon == null ? null : new Geo(lat, lon);
    }
}
