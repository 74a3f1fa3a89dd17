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
import dev.farthing.settlement.connector.iso20022.BankAccount;
import dev.farthing.settlement.connector.iso20022.Iso20022BankConfig;
import dev.farthing.settlement.connector.iso20022.Iso20022BankConnector;
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
 * ({@code {"providers":[{"id","base_uri","api_key","webhook_secret"}]}}, HTTP providers, or ISO 20022 banks with
 * {@code "type":"iso20022"}: see {@link #bank}); without the file the
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
                    if (p.path("type").asText("http").equals("iso20022")) {
                        connectors.add(bank(dir, id, p, ledgerClock));
                        continue;
                    }
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

    /**
     * An ISO 20022 bank: {@code {"id","type":"iso20022","outbox","inbox","holder","iban","bic","currencies":[..],
     * "cut_off":"HH:MM"}} (relative paths under {@code DATA/settlement}); its own state in {@code DATA/settlement/iso/<id>},
     * its clock the ledger's. A payout run releases its pain.001 files.
     */
    private static PayoutConnector bank(Path dir, String id, JsonNode p, InstantSource clock) {
        java.util.Set<String> currencies = new java.util.LinkedHashSet<>();
        for (JsonNode c : p.path("currencies")) currencies.add(c.asText());
        for (String field : List.of("outbox", "inbox", "holder", "iban", "bic")) {
            if (!p.path(field).isTextual()) throw new IllegalArgumentException("provider " + id + " needs \"" + field + "\"");
        }
        return new Iso20022BankConnector(new Iso20022BankConfig(id, dir.resolve(p.get("outbox").asText()),
                dir.resolve(p.get("inbox").asText()), dir.resolve("iso").resolve(id),
                new BankAccount(p.get("holder").asText(), p.get("iban").asText(), p.get("bic").asText()), currencies,
                java.time.LocalTime.parse(p.path("cut_off").asText("15:00")), clock));
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
