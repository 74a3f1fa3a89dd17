package dev.farthing.server.http.risk;

import dev.farthing.model.RiskModel;
import dev.farthing.model.guard.DriftMonitor;
import dev.farthing.model.guard.DriftSnapshot;
import dev.farthing.risk.engine.LiveRiskConfig;
import dev.farthing.server.http.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus gauges of the deciding model's drift, refreshed at scrape time from its published counts:
 * {@code farthing_model_feature_psi{model,feature}} and {@code farthing_model_psi_max{model}} (features with no
 * live value yet are left out). Nothing is exported for a model without training statistics.
 */
final class DriftMetrics {
    private DriftMetrics() {
    }

    static void bind(Metrics metrics, LiveRiskConfig live) {
        MultiGauge perFeature = metrics.multiGauge("farthing_model_feature_psi",
                "Population stability index of each feature of the deciding model: live traffic against training");
        MultiGauge max = metrics.multiGauge("farthing_model_psi_max",
                "Largest feature PSI of the deciding model (above 0.2: significant drift)");
        metrics.beforeScrape(() -> {
            RiskModel model = live.activeModel().orElse(null);
            DriftMonitor monitor = model == null ? null : model.drift();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
            if (monitor != null) {
                DriftSnapshot s = monitor.snapshot();
                for (DriftSnapshot.FeatureDrift f : s.features()) {
                    if (!Double.isNaN(f.psi())) {
                        rows.add(MultiGauge.Row.of(Tags.of("model", model.version(), "feature", f.name()), f.psi()));
                    }
                }
                if (!Double.isNaN(s.max())) {
                    maxRows.add(MultiGauge.Row.of(Tags.of("model", model.version()), s.max()));
                }
            }
            perFeature.register(rows, true);
            max.register(maxRows, true);
        });
    }
}
