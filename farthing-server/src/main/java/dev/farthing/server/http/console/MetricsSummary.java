package dev.farthing.server.http.console;

import dev.farthing.server.Role;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.javalin.http.Context;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /v1/metrics/summary}: the few figures the console charts, read from the same registry as
 * {@code /metrics}, as cumulative counters (a client takes the difference of two polls for a rate): decisions
 * by outcome, the decision-latency histogram (cumulative counts per upper bound, so the p99 of any interval is
 * the difference of two polls), training labels by label (the fraud rate) and disputes opened (the
 * {@code POST /v1/disputes} requests answered 201).
 */
public final class MetricsSummary {
    private final Metrics metrics;

    public MetricsSummary(Metrics metrics) {
        this.metrics = metrics;
    }

    public Route route() {
        return Route.get("/v1/metrics/summary", Role.AUDITOR, this::summary);
    }

    private void summary(Context ctx) {
        MeterRegistry registry = metrics.registry();
        TreeMap<String, Long> decisions = new TreeMap<>();
        TreeMap<Double, Long> buckets = new TreeMap<>();
        long decided = 0;
        for (Timer t : registry.find("farthing_risk_decisions").timers()) {
            long n = t.count();
            decisions.merge(t.getId().getTag("decision"), n, Long::sum);
            decided += n;
            for (CountAtBucket b : t.takeSnapshot().histogramCounts()) {
                buckets.merge(b.bucket(TimeUnit.MICROSECONDS), (long) b.count(), Long::sum);
            }
        }
        TreeMap<String, Long> labels = new TreeMap<>();
        for (Counter c : registry.find("farthing_risk_labels").counters()) {
            labels.merge(c.getId().getTag("label"), (long) c.count(), Long::sum);
        }
        // A dispute is opened when POST /v1/disputes answers 201 (a repeat of the same id answers 200).
        long disputes = 0;
        for (Timer t : registry.find("farthing_http_requests").tags("method", "POST", "route", "/v1/disputes", "status", "201").timers()) {
            disputes += t.count();
        }
        long total = decided;
        long opened = disputes;
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("at_ms", System.currentTimeMillis());
            g.writeNumberField("decisions_total", total);
            g.writeObjectFieldStart("decisions");
            for (var e : decisions.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("latency_buckets");
            for (var e : buckets.entrySet()) {
                g.writeStartObject();
                g.writeNumberField("le_us", e.getKey().longValue());
                g.writeNumberField("count", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("labels");
            for (var e : labels.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("disputes_opened", opened);
            g.writeEndObject();
        }));
    }
}
