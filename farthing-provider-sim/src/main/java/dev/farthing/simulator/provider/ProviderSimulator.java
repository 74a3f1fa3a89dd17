package dev.farthing.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The provider simulator's HTTP server, on loopback. Provider API under {@code /p/{provider}/v1/...} (see
 * docs/SETTLEMENT.md), control API under {@code /sim/...}. With a manual clock, payouts settle (and webhooks go
 * out, in order) only inside {@code POST /sim/advance}; with the wall clock, a ticker settles every 100 ms.
 */
public final class ProviderSimulator implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final SimConfig config;
    private final Map<String, SimulatedProvider> providers = new LinkedHashMap<>();
    private final WebhookDispatcher webhooks;
    private final BankSimulator bank;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService ticker;
    private final Object tickLock = new Object();
    private Instant manualNow;

    private ProviderSimulator(SimConfig config, int port) throws IOException {
        this.config = config;
        config.providers().forEach(k -> providers.put(k.id(), new SimulatedProvider(k, config.seed())));
        this.webhooks = new WebhookDispatcher(config.webhookUrl());
        this.bank = config.bank() == null ? null : new BankSimulator(config.bank().knobs(), config.seed());
        this.manualNow = config.start();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        if (config.manualClock()) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("sim-tick").unstarted(r));
            ticker.scheduleWithFixedDelay(() -> tick(now()), 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a simulator on loopback; port 0 picks an ephemeral one (see {@link #port()}). */
    public static ProviderSimulator start(SimConfig config, int port) throws IOException {
        ProviderSimulator sim = new ProviderSimulator(config, port);
        sim.server.start();
        return sim;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Instant now() {
        synchronized (tickLock) {
            return config.manualClock() ? manualNow : Instant.now();
        }
    }

    /** Moves a manual clock on and settles what fell due, sending its webhooks before returning. */
    public Instant advance(long seconds) {
        if (!config.manualClock()) {
            throw new IllegalStateException("the simulator runs on the wall clock");
        }
        if (seconds < 0) {
            throw new IllegalArgumentException("time does not go backwards");
        }
        synchronized (tickLock) {
            manualNow = manualNow.plusSeconds(seconds);
            tick(manualNow);
            return manualNow;
        }
    }

    private void tick(Instant now) {
        synchronized (tickLock) {
            webhooks.redeliver(now);
            for (SimulatedProvider p : providers.values()) {
                webhooks.dispatch(p, p.settleDue(now), now);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String[] parts = path.substring(1).split("/");
            Reply reply;
            try {
                if (parts.length >= 3 && parts[0].equals("p") && parts[2].equals("v1")) {
                    reply = ProviderRoutes.route(this, providers.get(parts[1]), exchange, parts);
                } else if (parts.length >= 2 && parts[0].equals("sim")) {
                    reply = control(exchange, parts);
                } else {
                    reply = new Reply(404, SimulatedProvider.error("not_found", "no route " + path, false));
                }
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                reply = new Reply(400, SimulatedProvider.error("invalid_request", e.getMessage(), false));
            }
            if (reply.hangMillis() > 0) {
                sleep(reply.hangMillis());
            }
            byte[] body = reply.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // The client hung up (it timed out on a simulated hang): nothing to answer.
        }
    }

    record Reply(int status, JsonNode body, long hangMillis) {
        Reply(int status, JsonNode body) {
            this(status, body, 0);
        }
    }

    long hangMillis() {
        return config.hangMillis();
    }

    void dispatchNow(SimulatedProvider provider, List<SimulatedProvider.Event> events) {
        synchronized (tickLock) {
            webhooks.dispatch(provider, events, now());
        }
    }

    private Reply control(HttpExchange exchange, String[] parts) throws IOException {
        String method = exchange.getRequestMethod();
        switch (parts[1]) {
            case "health" -> {
                return new Reply(200, JsonNodeFactory.instance.objectNode().put("now", now().toString()));
            }
            case "advance" -> {
                if (!method.equals("POST")) {
                    return new Reply(405, SimulatedProvider.error("method", "POST only", false));
                }
                if (!config.manualClock()) {
                    return new Reply(409, SimulatedProvider.error("wall_clock", "the simulator runs on the wall clock", false));
                }
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                JsonNode seconds = body == null ? null : body.get("seconds");
                if (seconds == null || !seconds.canConvertToExactIntegral()) {
                    throw new IllegalArgumentException("body must be {\"seconds\": <integer>}");
                }
                return new Reply(200, JsonNodeFactory.instance.objectNode().put("now", advance(seconds.asLong()).toString()));
            }
            case "providers" -> {
                SimulatedProvider p = parts.length == 3 ? providers.get(parts[2]) : null;
                if (p == null || !method.equals("PUT")) {
                    return new Reply(404, SimulatedProvider.error("not_found", "PUT /sim/providers/{id}", false));
                }
                p.reconfigure(SimConfig.knobs(JSON.readTree(exchange.getRequestBody())));
                return new Reply(200, JsonNodeFactory.instance.objectNode().put("reconfigured", p.knobs().id()));
            }
            case "books" -> {
                return new Reply(200, books());
            }
            case "bank" -> {
                return bankControl(exchange, parts);
            }
            default -> {
                return new Reply(404, SimulatedProvider.error("not_found", "no control route " + parts[1], false));
            }
        }
    }

    /** {@code POST /sim/bank/collect} and {@code POST /sim/bank/statement}, body {@code {"date":"YYYY-MM-DD"}}. */
    private Reply bankControl(HttpExchange exchange, String[] parts) throws IOException {
        if (bank == null || parts.length != 3 || !exchange.getRequestMethod().equals("POST")) {
            return new Reply(404, SimulatedProvider.error("not_found",
                    bank == null ? "no bank configured" : "POST /sim/bank/collect or /sim/bank/statement", false));
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        LocalDate day = body != null && body.hasNonNull("date") ? LocalDate.parse(body.get("date").asText())
                : LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC);
        SimConfig.BankFiles files = config.bank();
        return switch (parts[2]) {
            case "collect" -> new Reply(200, JsonNodeFactory.instance.objectNode()
                    .put("transfers", bank.collect(files.outbox(), files.inbox(), day, now())));
            case "statement" -> new Reply(200, JsonNodeFactory.instance.objectNode()
                    .put("file", bank.statement(files.inbox(), day, now()).toString()));
            default -> new Reply(404, SimulatedProvider.error("not_found", "no bank route " + parts[2], false));
        };
    }

    /** Every provider's payouts and the webhook counters. */
    ObjectNode books() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("now", now().toString());
        ObjectNode byProvider = o.putObject("providers");
        providers.forEach((id, p) -> byProvider.set(id, p.books()));
        if (bank != null) {
            com.fasterxml.jackson.databind.node.ArrayNode entries = o.putArray("bank");
            for (CamtWriter.Entry e : bank.booked()) {
                entries.addObject().put("entryRef", e.entryRef()).put("kind", e.kind().name()).put("currency", e.currency())
                        .put("amountMinor", e.amountMinor()).put("endToEndId", e.endToEndId())
                        .put("valueDate", e.valueDate().toString());
            }
        }
        ObjectNode w = o.putObject("webhooks");
        w.put("delivered", webhooks.delivered.get());
        w.put("lost", webhooks.lost.get());
        w.put("duplicated", webhooks.duplicated.get());
        w.put("failed", webhooks.failed.get());
        return o;
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    static LocalDate date(Map<String, String> query, String name) {
        String v = query.get(name);
        if (v == null) {
            throw new IllegalArgumentException("query parameter '" + name + "' (YYYY-MM-DD) is required");
        }
        return LocalDate.parse(v);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        handlers.shutdownNow();
    }
}
