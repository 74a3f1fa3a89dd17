package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.farthing.simulator.provider.ProviderSimulator.Reply;
import dev.farthing.simulator.provider.SimConfig.ProviderKnobs;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The provider's REST API: {@code POST /v1/payouts}, {@code GET /v1/payouts/{key}}, {@code POST
 * /v1/payouts/{key}/cancel}, {@code GET /v1/statement?from=&to=}. Every call needs the bearer API key (when the
 * provider has one) and an {@code Idempotency-Key} header; on a payout's routes it must be the key in the path.
 */
final class ProviderRoutes {
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private ProviderRoutes() {
    }

    static Reply route(ProviderSimulator sim, SimulatedProvider provider, HttpExchange exchange, String[] parts)
            throws IOException {
        if (provider == null) {
            return new Reply(404, SimulatedProvider.error("not_found", "no provider " + parts[1], false));
        }
        ProviderKnobs knobs = provider.knobs();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (knobs.apiKey() != null && !("Bearer " + knobs.apiKey()).equals(auth)) {
            return new Reply(401, SimulatedProvider.error("unauthorized", "bad or missing API key", false));
        }
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_HEADER);
        if (key == null || key.isBlank() || key.length() > 128) {
            return new Reply(400, SimulatedProvider.error("idempotency_key_required",
                    IDEMPOTENCY_HEADER + " header (1..128 chars) is required on every call", false));
        }
        ProviderSimulator.sleep(knobs.latencyMillis());
        String method = exchange.getRequestMethod();
        String resource = parts.length > 3 ? parts[3] : "";
        if (resource.equals("payouts") && parts.length == 4 && method.equals("POST")) {
            return submit(sim, provider, key, exchange);
        }
        if (resource.equals("payouts") && parts.length >= 5) {
            if (!java.net.URLDecoder.decode(parts[4], java.nio.charset.StandardCharsets.UTF_8).equals(key)) {
                return new Reply(400, SimulatedProvider.error("idempotency_key_mismatch",
                        IDEMPOTENCY_HEADER + " must be the payout's key in the path", false));
            }
            long hang = provider.hangs() ? sim.hangMillis() : 0;
            if (parts.length == 5 && method.equals("GET")) {
                ObjectNode status = provider.status(key);
                return status == null
                        ? new Reply(404, SimulatedProvider.error("not_found", "no payout under key " + key, false), hang)
                        : new Reply(200, status, hang);
            }
            if (parts.length == 6 && parts[5].equals("cancel") && method.equals("POST")) {
                List<SimulatedProvider.Event> events = new ArrayList<>();
                SimulatedProvider.CancelAnswer answer = provider.cancel(key, events);
                sim.dispatchNow(provider, events);
                if (answer == null) {
                    return new Reply(404, SimulatedProvider.error("not_found", "no payout under key " + key, false), hang);
                }
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("cancelled", answer.cancelled());
                body.set("payout", answer.payout());
                return new Reply(answer.cancelled() ? 200 : 409, body, hang);
            }
        }
        if (resource.equals("statement") && parts.length == 4 && method.equals("GET")) {
            Map<String, String> q = ProviderSimulator.query(exchange);
            LocalDate from = ProviderSimulator.date(q, "from");
            LocalDate to = ProviderSimulator.date(q, "to");
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.set("lines", provider.statement(from, to));
            return new Reply(200, body, provider.hangs() ? sim.hangMillis() : 0);
        }
        return new Reply(404, SimulatedProvider.error("not_found", method + " " + String.join("/", parts), false));
    }

    private static Reply submit(ProviderSimulator sim, SimulatedProvider provider, String key, HttpExchange exchange)
            throws IOException {
        SimPayout.Request request = request(ProviderSimulator.JSON.readTree(exchange.getRequestBody()));
        SimulatedProvider.SubmitDecision d = provider.submit(key, request, sim.now());
        return new Reply(d.httpStatus(), d.body(), d.hang() ? sim.hangMillis() : 0);
    }

    /** Strict where money is: amounts and ids must be exact JSON types. */
    static SimPayout.Request request(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        JsonNode amount = body.get("amountMinor");
        if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() <= 0) {
            throw new IllegalArgumentException("amountMinor must be a positive integer");
        }
        JsonNode scale = body.get("scale");
        if (scale == null || !scale.isInt() || scale.asInt() < 0 || scale.asInt() > 18) {
            throw new IllegalArgumentException("scale must be an integer in [0, 18]");
        }
        return new SimPayout.Request(text(body, "payoutId"), text(body, "payeeId"), text(body, "currency"),
                scale.asInt(), amount.asLong(), text(body, "country"), text(body, "beneficiaryName"),
                text(body, "beneficiaryAccount"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty string");
        }
        return v.asText();
    }
}
