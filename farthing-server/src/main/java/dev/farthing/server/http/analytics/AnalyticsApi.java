package dev.farthing.server.http.analytics;

import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.customers.analytics.AnalyticsConfig;
import dev.farthing.customers.analytics.AnalyticsService;
import dev.farthing.customers.analytics.PaymentFact;
import dev.farthing.customers.customer.Customer;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.Currency;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.audit.AuditTrail;
import dev.farthing.server.http.customers.CustomersApi;
import dev.farthing.server.http.risk.RiskApi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Differentially private analytics over HTTP ({@code POST /v1/analytics/query}), backed by one
 * {@link AnalyticsService} in {@code DATA/analytics}. Every payment the risk engine lets move money becomes a
 * pseudonymous {@link PaymentFact}: the payer's customer (or account) as a keyed pseudonym, the payee (creator)
 * account, the customer's country (else the payment's country signal), the ledger-time day, currency and amount.
 * Parameters come from {@code -Dfarthing.analytics.*} ({@link AnalyticsConfig#fromSystemProperties}).
 */
public final class AnalyticsApi implements DomainApi {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private final AnalyticsService service;
    private final List<Route> routes;

    private AnalyticsApi(AnalyticsService service, Metrics metrics, AuditTrail trail) {
        this.service = service;
        this.routes = new AnalyticsRoutes(service, metrics, trail).routes();
    }

    /** Opens {@code dir} and starts keeping the facts of the payments {@code risk} lets through. */
    public static AnalyticsApi open(Path dir, Ledger ledger, Metrics metrics, RiskApi risk, CustomersApi customers,
                                    AuditTrail trail) {
        Map<String, Integer> scales = ledger.currencies().stream().collect(Collectors.toMap(Currency::code, Currency::scale));
        AnalyticsService service = AnalyticsService.open(dir, AnalyticsConfig.fromSystemProperties(), scales, ledger::now,
                !Boolean.getBoolean("farthing.analytics.nofsync"));
        AnalyticsApi api = new AnalyticsApi(service, metrics, trail);
        Pseudonyms pseudonyms = customers.service().pseudonyms();
        risk.observePayments((payment, result, keyId) -> service.record(factOf(payment, result, customers, pseudonyms)));
        return api;
    }

    static PaymentFact factOf(PaymentRequest p, PaymentResult r, CustomersApi customers, Pseudonyms pseudonyms) {
        Optional<Customer> owner = customers.service().ownerOf(p.payer());
        String subject = owner.map(c -> pseudonyms.token("subject", c.id())).orElseGet(() -> pseudonyms.token("account", p.payer()));
        String country = owner.map(Customer::country).orElse(p.context().country());
        return new PaymentFact(subject, p.payee(), PaymentFact.countryOf(country), Math.floorDiv(r.decidedAt(), NANOS_PER_DAY),
                p.currency(), p.amount());
    }

    public AnalyticsService service() {
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
