package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the simulator runs: a seed, a clock, where webhooks go, and one or more providers with their knobs. Read
 * from JSON; every field but {@code providers} has a default, and an unknown field is an error (a typo in a rate
 * must not silently run the default).
 *
 * @param seed        all random draws derive from it (per provider: seed and provider id)
 * @param manualClock time moves only by {@code POST /sim/advance}; otherwise it is the wall clock
 * @param start       the manual clock's first instant
 * @param webhookUrl  where events are POSTed; {@code {provider}} is replaced by the provider id; null: none sent
 * @param hangMillis  how long a simulated timeout holds the request before answering (longer than any client waits)
 */
public record SimConfig(long seed, boolean manualClock, Instant start, String webhookUrl, long hangMillis,
                        List<ProviderKnobs> providers, BankFiles bank) {

    /**
     * Optional: the simulator also plays a bank reached by ISO 20022 files ({@link BankSimulator}), collecting
     * pain.001 from {@code outbox} and dropping camt.054/camt.053 into {@code inbox} on {@code POST /sim/bank/...}.
     */
    public record BankFiles(java.nio.file.Path outbox, java.nio.file.Path inbox, BankSimulator.Knobs knobs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public SimConfig {
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one provider");
        }
        if (providers.stream().map(ProviderKnobs::id).distinct().count() != providers.size()) {
            throw new IllegalArgumentException("provider ids must be distinct");
        }
        if (hangMillis < 0) {
            throw new IllegalArgumentException("hangMillis must not be negative");
        }
    }

    /**
     * One simulated provider.
     *
     * @param refusalRate          submits answered 503 "unavailable" (nothing recorded; another provider may try)
     * @param timeoutRate          calls that hang past the client's timeout
     * @param timeoutSucceededRate of the submits that hang, those that were recorded (and will pay) anyway
     * @param failureRate          accepted payouts that end failed (money never left) instead of paid
     * @param settleAfterSeconds   from acceptance to paid or failed, on the simulator's clock
     */
    public record ProviderKnobs(String id, String apiKey, String webhookSecret, long latencyMillis, double refusalRate,
                                double timeoutRate, double timeoutSucceededRate, double failureRate,
                                double lostWebhookRate, double duplicateWebhookRate, long settleAfterSeconds,
                                List<CorridorFee> corridors) {

        public ProviderKnobs {
            if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new IllegalArgumentException("provider id must be lower-case letters, digits and '-': " + id);
            }
            for (double rate : new double[]{refusalRate, timeoutRate, timeoutSucceededRate, failureRate,
                    lostWebhookRate, duplicateWebhookRate}) {
                if (!(rate >= 0 && rate <= 1)) {
                    throw new IllegalArgumentException("rates must be in [0, 1] for provider " + id);
                }
            }
            if (latencyMillis < 0 || settleAfterSeconds < 0) {
                throw new IllegalArgumentException("latency and settle delay must not be negative for " + id);
            }
            corridors = List.copyOf(corridors);
        }

        /** The fee rule for a corridor, or null when the provider does not pay there. */
        public CorridorFee corridor(String currency, String country) {
            for (CorridorFee c : corridors) {
                if (c.currency().equals(currency) && c.country().equals(country)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Fee for one corridor: fixed part plus basis points of the amount, rounded half up to the minor unit. */
    public record CorridorFee(String currency, String country, long fixedFeeMinor, long basisPoints) {

        public CorridorFee {
            if (!currency.matches("[A-Z]{3}") || !country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("corridor needs an ISO 4217 currency and ISO 3166 country: "
                        + currency + "/" + country);
            }
            if (fixedFeeMinor < 0 || basisPoints < 0 || basisPoints > 10_000) {
                throw new IllegalArgumentException("fees must be non-negative, basis points at most 10000");
            }
        }

        public long feeFor(long amountMinor) {
            long variable = Math.addExact(Math.multiplyExact(amountMinor, basisPoints), 5_000) / 10_000;
            return Math.addExact(fixedFeeMinor, variable);
        }
    }

    public static SimConfig parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("simulator config is not JSON: " + e.getMessage(), e);
        }
        only(root, "config", Set.of("seed", "manualClock", "start", "webhookUrl", "hangMillis", "providers", "bank"));
        List<ProviderKnobs> providers = new ArrayList<>();
        for (JsonNode p : root.path("providers")) {
            providers.add(knobs(p));
        }
        return new SimConfig(root.path("seed").asLong(1), root.path("manualClock").asBoolean(false),
                Instant.parse(root.path("start").asText("2026-01-05T00:00:00Z")),
                root.hasNonNull("webhookUrl") ? root.get("webhookUrl").asText() : null,
                root.path("hangMillis").asLong(3_000), providers, root.hasNonNull("bank") ? bank(root.get("bank")) : null);
    }

    private static BankFiles bank(JsonNode b) {
        only(b, "bank", Set.of("outbox", "inbox", "accountIban", "returnRate", "valueDateLagDays", "corridors"));
        if (!b.hasNonNull("outbox") || !b.hasNonNull("inbox") || !b.hasNonNull("accountIban")) {
            throw new IllegalArgumentException("bank needs outbox, inbox and accountIban");
        }
        return new BankFiles(java.nio.file.Path.of(b.get("outbox").asText()), java.nio.file.Path.of(b.get("inbox").asText()),
                new BankSimulator.Knobs(b.get("accountIban").asText(), corridors(b.path("corridors")),
                        b.path("returnRate").asDouble(0), b.path("valueDateLagDays").asInt(0)));
    }

    private static List<CorridorFee> corridors(JsonNode list) {
        List<CorridorFee> corridors = new ArrayList<>();
        for (JsonNode c : list) {
            only(c, "corridor", Set.of("currency", "country", "fixedFeeMinor", "basisPoints"));
            corridors.add(new CorridorFee(c.path("currency").asText().toUpperCase(Locale.ROOT),
                    c.path("country").asText().toUpperCase(Locale.ROOT), c.path("fixedFeeMinor").asLong(0),
                    c.path("basisPoints").asLong(0)));
        }
        return corridors;
    }

    static ProviderKnobs knobs(JsonNode p) {
        only(p, "provider", Set.of("id", "apiKey", "webhookSecret", "latencyMillis", "refusalRate", "timeoutRate",
                "timeoutSucceededRate", "failureRate", "lostWebhookRate", "duplicateWebhookRate",
                "settleAfterSeconds", "corridors"));
        List<CorridorFee> corridors = corridors(p.path("corridors"));
        String id = p.path("id").asText(null);
        return new ProviderKnobs(id, p.hasNonNull("apiKey") ? p.get("apiKey").asText() : null,
                p.path("webhookSecret").asText("whsec-" + id), p.path("latencyMillis").asLong(0),
                p.path("refusalRate").asDouble(0), p.path("timeoutRate").asDouble(0),
                p.path("timeoutSucceededRate").asDouble(0.5), p.path("failureRate").asDouble(0),
                p.path("lostWebhookRate").asDouble(0), p.path("duplicateWebhookRate").asDouble(0),
                p.path("settleAfterSeconds").asLong(60), corridors);
    }

    private static void only(JsonNode node, String what, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown " + what + " field '" + name + "'; known: " + allowed);
            }
        }
    }
}
