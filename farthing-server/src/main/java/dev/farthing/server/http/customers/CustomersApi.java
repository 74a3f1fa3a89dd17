package dev.farthing.server.http.customers;

import dev.farthing.customers.kyc.KycProfiles;
import dev.farthing.customers.service.CustomerService;
import dev.farthing.customers.service.RecordLogCustomerLog;
import dev.farthing.customers.vault.IpTokens;
import dev.farthing.customers.vault.PiiVault;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.Currency;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Route;

import java.nio.file.Path;
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

    private CustomersApi(CustomerService service) {
        this.service = service;
        this.pseudonyms = service.pseudonyms();
        this.gate = new KycGate(service);
        this.routes = new CustomerRoutes(service).routes();
    }

    public static CustomersApi open(Path dir, Ledger ledger, Metrics metrics) {
        Map<String, Integer> scales = ledger.currencies().stream().collect(Collectors.toMap(Currency::code, Currency::scale));
        String kek = System.getProperty("farthing.customers.kek");
        PiiVault vault = PiiVault.open(dir.resolve("vault"), kek == null ? null : Path.of(kek));
        RecordLogCustomerLog log = RecordLogCustomerLog.open(dir.resolve("log"), !Boolean.getBoolean("farthing.customers.nofsync"));
        try {
            return new CustomersApi(CustomerService.open(ledger, log, vault, KycProfiles.shipped(scales)));
        } catch (RuntimeException | Error e) {
            log.close();
            throw e;
        }
    }

    public CustomerService service() {
        return service;
    }

    @Override
    public Ticket admit(String key, String debitAccount, String currency, long amount) {
        return gate.admit(key, debitAccount, currency, amount);
    }

    @Override
    public void settle(Ticket ticket, boolean moved) {
        gate.settle(ticket, moved);
    }

    /** IPs keep their address class in the token; other kinds are plain keyed HMACs. */
    @Override
    public String pseudonym(String kind, String value) {
        if (value == null || Pseudonyms.isToken(value)) {
            return value;
        }
        return "ip".equals(kind) ? IpTokens.token(pseudonyms, value) : pseudonyms.token(kind, value);
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
