package dev.farthing.server.http.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.http.HttpProviderConfig;
import dev.farthing.settlement.connector.http.HttpProviderConnector;
import dev.farthing.settlement.connector.http.WebhookVerifier;
import dev.farthing.settlement.service.SettlementConfig;
import dev.farthing.settlement.service.SettlementService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payouts and reconciliation over HTTP: opens a {@link SettlementService} on {@code DATA/settlement} and serves
 * {@link SettlementRoutes}. Providers come from {@code DATA/settlement/providers.json}
 * ({@code {"providers":[{"id","base_uri","api_key","webhook_secret"}]}}, HTTP providers); without the file the
 * service runs with none (a payout then fails at once, its hold voided: "no provider is configured"). A background tick every five
 * seconds polls payouts pending or in doubt and retries those waiting for a provider.
 */
public final class SettlementApi implements DomainApi {
    private final SettlementService service;
    private final List<Route> routes;

    private SettlementApi(SettlementService service, Map<String, WebhookVerifier> verifiers) {
        this.service = service;
        this.routes = new SettlementRoutes(service, verifiers).routes();
    }

    public static SettlementApi open(Path dir, Ledger ledger, Metrics metrics) {
        List<PayoutConnector> connectors = new ArrayList<>();
        Map<String, WebhookVerifier> verifiers = new LinkedHashMap<>();
        InstantSource ledgerClock = () -> java.time.Instant.EPOCH.plusNanos(ledger.now()); // webhook windows on ledger time
        Path file = dir.resolve("providers.json");
        if (Files.exists(file)) {
            try {
                JsonNode root = new ObjectMapper().readTree(file.toFile());
                for (JsonNode p : root.path("providers")) {
                    String id = p.path("id").asText();
                    connectors.add(new HttpProviderConnector(HttpProviderConfig.of(id, URI.create(p.path("base_uri").asText()),
                            p.hasNonNull("api_key") ? p.get("api_key").asText() : null)));
                    if (p.hasNonNull("webhook_secret")) {
                        verifiers.put(id, WebhookVerifier.of(id,
                                p.get("webhook_secret").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                ledgerClock));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        SettlementConfig config = SettlementConfig.of(dir.resolve("log"), connectors).withTickEvery(Duration.ofSeconds(5));
        return new SettlementApi(SettlementService.open(ledger, config), verifiers);
    }

    public SettlementService service() {
        return service;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        service.close();
    }
}
