package dev.farthing.server.http.aml;

import dev.farthing.compliance.cases.CaseBook;
import dev.farthing.compliance.monitoring.MonitoringRules;
import dev.farthing.compliance.monitoring.RulesJson;
import dev.farthing.compliance.monitoring.TransactionMonitor;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.Currency;
import dev.farthing.server.DomainApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * AML over HTTP: transaction monitoring follows the ledger from {@code DATA/aml/monitor} (its record log of alerts
 * and snapshots) and feeds the case book in {@code DATA/aml/cases}; the routes work the cases and draft the
 * reports. Rules are {@link MonitoringRules#defaults()}, or {@code -Dfarthing.aml.rules=FILE} (JSON, see
 * docs/AML.md). Progress: {@code farthing_aml_alerts_raised}, {@code farthing_aml_monitor_lag_batches}.
 */
public final class AmlApi implements DomainApi {
    static final long SNAPSHOT_EVERY_EVENTS = 200_000;
    private final CaseBook cases;
    private final TransactionMonitor monitor;
    private final List<Route> routes;

    private AmlApi(CaseBook cases, TransactionMonitor monitor, Ledger ledger) {
        this.cases = cases;
        this.monitor = monitor;
        this.routes = new CaseRoutes(cases, ledger).routes();
    }

    public static AmlApi open(Path dir, Ledger ledger, Metrics metrics, AuditSink audit) {
        Map<String, Integer> scales = ledger.currencies().stream().collect(Collectors.toMap(Currency::code, Currency::scale));
        String rulesFile = System.getProperty("farthing.aml.rules");
        MonitoringRules rules = rulesFile == null ? MonitoringRules.defaults() : RulesJson.read(Path.of(rulesFile));
        CaseBook cases = CaseBook.open(dir.resolve("cases"), audit);
        TransactionMonitor monitor;
        try {
            monitor = TransactionMonitor.open(dir.resolve("monitor"), ledger.events(), rules, scales, cases::raise, audit,
                    SNAPSHOT_EVERY_EVENTS);
        } catch (RuntimeException | Error e) {
            cases.close();
            throw e;
        }
        monitor.start();
        if (metrics != null) {
            metrics.multiGauge("farthing_aml_alerts_raised", "Monitoring alerts raised since start")
                    .register(List.of(MultiGauge.Row.of(Tags.empty(), monitor, m -> (double) m.alertsRaised())));
            metrics.multiGauge("farthing_aml_monitor_lag_batches", "Ledger batches committed that monitoring has not applied yet")
                    .register(List.of(MultiGauge.Row.of(Tags.empty(), monitor,
                            m -> (double) Math.max(0, ledger.events().head().batch() - m.position().batch()))));
        }
        return new AmlApi(cases, monitor, ledger);
    }

    TransactionMonitor monitor() {
        return monitor;
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } finally {
            cases.close();
        }
    }
}
