package dev.farthing.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured run of one workload in one mode. Latencies are microseconds per request (HTTP request,
 * PostgreSQL transaction) or per batch (in-process). {@code run} is 1-based; 0 marks a median summary line.
 */
public record BenchResult(Workload workload, Mode mode, int run, long transfers, long requests, long failures,
                          double seconds, double transfersPerS, double p50Us, double p99Us, double p999Us,
                          double maxUs, String settings, String firstFailure) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The machine-readable line: {@code {"workload":..,"mode":..,"transfers_per_s":..,"p50_us":..,...}}. */
    public String toJsonLine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", workload.wire());
        m.put("mode", mode.wire());
        m.put("transfers_per_s", round1(transfersPerS));
        m.put("p50_us", round1(p50Us));
        m.put("p99_us", round1(p99Us));
        m.put("p999_us", round1(p999Us));
        m.put("max_us", round1(maxUs));
        m.put("transfers", transfers);
        m.put("requests", requests);
        m.put("failures", failures);
        m.put("seconds", Math.round(seconds * 1000) / 1000.0);
        if (run == 0) {
            m.put("summary", "median");
        } else {
            m.put("run", run);
        }
        m.put("settings", settings);
        if (firstFailure != null) {
            m.put("first_failure", firstFailure);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean clean() {
        return failures == 0 && transfers > 0;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
