package dev.farthing.server.http;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.LedgerHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Prometheus metrics: HTTP requests by route/method/status with a latency histogram, refusals by code,
 * and the ledger's own figures (transfers committed, journal sequence, breaker state) read from
 * {@link Ledger#health()} at scrape time.
 */
public final class Metrics {
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Latency histogram buckets: fixed, so every route/status series stays small. */
    private static final Duration[] BUCKETS = java.util.stream.LongStream.of(
                    100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 1_000_000, 5_000_000)
            .mapToObj(Duration::ofNanos).map(d -> d.multipliedBy(1_000)).toArray(Duration[]::new);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> refusals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Timer> decisionTimers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> labels = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public Metrics(Ledger ledger) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        if (ledger != null) {
            bindLedger(ledger);
        }
    }

    private void bindLedger(Ledger ledger) {
        FunctionCounter.builder("farthing_transfers_committed", ledger, l -> health(l, LedgerHealth::transfersCommitted))
                .description("Transfers committed by the ledger since it was created").register(registry);
        gauge("farthing_breaker_open", ledger, l -> health(l, h -> h.breakerOpen() ? 1 : 0),
                "1 while the reconciliation circuit breaker is open (money movement stopped)");
        gauge("farthing_journal_sequence", ledger, l -> health(l, LedgerHealth::journalSequence),
                "Sequence number of the last journal batch");
        gauge("farthing_accounts", ledger, l -> health(l, LedgerHealth::accounts), "Accounts in the ledger");
        gauge("farthing_pending_holds", ledger, l -> health(l, LedgerHealth::pendingHolds), "Open two-phase holds");
        gauge("farthing_index_lag", ledger, l -> health(l, LedgerHealth::indexLag),
                "Journal batches not yet in the on-disk index");
    }

    private void gauge(String name, Ledger ledger, ToDoubleFunction<Ledger> f, String description) {
        Gauge.builder(name, ledger, f).description(description).register(registry);
    }

    private static double health(Ledger ledger, ToDoubleFunction<LedgerHealth> f) {
        try {
            return f.applyAsDouble(ledger.health());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Records one HTTP request; {@code route} is the route template, never the raw path. */
    public void request(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        timers.computeIfAbsent(key, k -> Timer.builder("farthing_http_requests")
                .description("HTTP requests by route, method and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts one refused request or batch item by its problem code. */
    public void refusal(String code) {
        refusals.computeIfAbsent(code, c -> Counter.builder("farthing_refusals")
                .description("Requests and batch items refused, by problem code")
                .tag("code", c).register(registry)).increment();
    }

    /** Records one risk decision by outcome (approved, challenged, ...) with its latency, submit to answer. */
    public void decision(String outcome, long nanos) {
        decisionTimers.computeIfAbsent(outcome, o -> Timer.builder("farthing_risk_decisions")
                .description("Risk decisions by outcome, with decision latency (features, model, policy, ledger)")
                .tag("decision", o)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts one training label (fraud, legit) given by a review or the label route: the console's fraud rate. */
    public void label(String label) {
        labels.computeIfAbsent(label, l -> Counter.builder("farthing_risk_labels")
                .description("Training labels given (reviews and the label route), by label")
                .tag("label", l).register(registry)).increment();
    }

    /** The registry, for read-side summaries (the console's {@code /v1/metrics/summary}). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** A gauge family whose rows a domain replaces at scrape time (see {@link #beforeScrape}). */
    public MultiGauge multiGauge(String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** Runs {@code refresh} before every scrape, e.g. to replace a {@link #multiGauge}'s rows. */
    public void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    public String scrape() {
        for (Runnable r : beforeScrape) {
            r.run();
        }
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }
}
