package dev.farthing.server.http.customers;

import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.customers.service.RecordLogCustomerLog;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.Currency;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Route;

import dev.farthing.server.http.screening.ScreeningApi;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Customers over HTTP, backed by one {@link CustomerService} in {@code DATA/customers} (its record log in
 * {@code log/}, the PII vault in {@code vault/}, one partition per residence zone). It is also the server's
 * {@link PaymentGate}: payments and transfers out of a customer's account pass its KYC limits.
 * {@code -Dfarthing.customers.kek=FILE} keeps the vault's key-encryption key outside the data directory.
 */
public final class CustomersApi implements DomainApi, PaymentGate {
    private final CustomerService service;
    private final KycGate gate;
    private final List<Route> routes;
    private final Pseudonyms pseudonyms;

    private final CustomerScreening screening;

    private CustomersApi(CustomerService service, CustomerScreening screening) {
        this.service = service;
        this.screening = screening;
        this.pseudonyms = service.pseudonyms();
        this.gate = new KycGate(service, screening.book()::confirmed);
        this.routes = new CustomerRoutes(service, screening).routes();
    }

    /**
     * Screens customers with the server's sanctions lists: on creation, and again (in the background) on every
     * list version {@code lists} installs. Progress is in {@code farthing_customer_rescreen{state=total|done}} and
     * new potential matches in {@code farthing_customer_screening_new_matches}. Verdicts are appended to {@code audit}.
     */
    public void screenWith(ScreeningApi lists, Metrics metrics, AuditSink audit) {
        screening.useScreener(lists::currentScreener, audit);
        metrics.multiGauge("farthing_customer_rescreen", "Customers to re-screen against the latest list version, and done")
                .register(List.of(MultiGauge.Row.of(Tags.of("state", "total"), screening.rescreenTotal, AtomicLong::doubleValue),
                        MultiGauge.Row.of(Tags.of("state", "done"), screening.rescreenDone, AtomicLong::doubleValue)));
        metrics.multiGauge("farthing_customer_screening_new_matches", "Potential sanctions matches raised since start")
                .register(List.of(MultiGauge.Row.of(Tags.empty(), screening.newMatches, AtomicLong::doubleValue)));
        lists.onInstall(screening::listInstalled);
    }

    public static CustomersApi open(Path dir, Ledger ledger, Metrics metrics) {
        Map<String, Integer> scales = ledger.currencies().stream().collect(Collectors.toMap(Currency::code, Currency::scale));
        String kek = System.getProperty("farthing.customers.kek");
        PiiVault vault = PiiVault.open(dir.resolve("vault"), kek == null ? null : Path.of(kek));
        RecordLogCustomerLog log = RecordLogCustomerLog.open(dir.resolve("log"), !Boolean.getBoolean("farthing.customers.nofsync"));
        CustomerService service = null;
        try {
            service = CustomerService.open(ledger, log, vault, KycProfiles.shipped(scales));
            return new CustomersApi(service, new CustomerScreening(service, ScreeningBook.open(dir.resolve("screening"))));
        } catch (RuntimeException | Error e) {
            if (service != null) {
                service.close();
            } else {
                log.close();
            }
            throw e;
        }
    }

    public CustomerService service() {
        return service;
    }

    @Override
    public Ticket admit(String key, String debitAccount, String currency, long amount) {
        return gate.admit(key, debitAccount, null, currency, amount);
    }

    @Override
    public Ticket admit(String key, String debitAccount, String creditAccount, String currency, long amount) {
        return gate.admit(key, debitAccount, creditAccount, currency, amount);
    }

    @Override
    public void settle(Ticket ticket, boolean moved) {
        gate.settle(ticket, moved);
    }

    /** IPs keep their address class in the token; other kinds are plain keyed HMACs. */
    @Override
    public String pseudonym(String kind, String value) {
        return pseudonyms.signal(kind, value);
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        try {
            screening.close();
        } finally {
            service.close();
        }
    }
}
