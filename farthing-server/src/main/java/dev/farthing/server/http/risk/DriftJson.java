package dev.farthing.server.http.risk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.model.RiskModel;
import dev.farthing.model.calibration.ScoreThresholds;
import dev.farthing.model.guard.DriftMonitor;
import dev.farthing.model.guard.DriftSnapshot;
import dev.farthing.model.guard.Psi;
import dev.farthing.model.guard.TrainingStats;

import java.io.IOException;

/** JSON of a model's live drift ({@code GET /v1/models/{version}/drift}) and of its guard fields in listings. */
final class DriftJson {
    private DriftJson() {
    }

    static void drift(JsonGenerator g, RiskModel model, boolean active) throws IOException {
        g.writeStartObject();
        g.writeStringField("version", model.version());
        g.writeBooleanField("active", active);
        DriftMonitor monitor = model.drift();
        g.writeBooleanField("ood_guard", monitor != null);
        if (monitor == null) {
            g.writeStringField("note", "the bundle has no training statistics (written before format_version 2):"
                    + " it scores with the out-of-distribution guard off and drift cannot be measured");
            g.writeEndObject();
            return;
        }
        DriftSnapshot s = monitor.snapshot();
        g.writeNumberField("count", s.rows());
        RiskJson.number(g, "overall_psi", s.overall());
        RiskJson.number(g, "max_psi", s.max());
        g.writeNumberField("alert_psi", Psi.ALERT);
        g.writeArrayFieldStart("exceeding");
        for (String f : s.exceeding()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("features");
        for (DriftSnapshot.FeatureDrift f : s.features()) {
            g.writeStartObject();
            g.writeStringField("feature", f.name());
            RiskJson.number(g, "psi", f.psi());
            long count = 0;
            for (long c : f.liveCounts()) {
                count += c;
            }
            g.writeNumberField("count", count);
            g.writeArrayFieldStart("bin_edges");
            for (double e : f.edges()) {
                g.writeNumber(e);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("training_fractions");
            for (double t : f.trainFractions()) {
                g.writeNumber(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("live_counts");
            for (long c : f.liveCounts()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The guard, calibration and threshold fields of one listed model. */
    static void guardFields(JsonGenerator g, boolean trainingStats, boolean calibrated, ScoreThresholds t)
            throws IOException {
        g.writeBooleanField("ood_guard", trainingStats);
        if (!trainingStats) {
            g.writeStringField("ood_guard_note", "no training statistics in the bundle: scored with the"
                    + " out-of-distribution guard off, no drift");
        } else {
            g.writeNumberField("ood_far_iqrs", TrainingStats.FAR_SPREADS);
        }
        g.writeBooleanField("calibrated", calibrated);
        if (!t.present()) {
            g.writeNullField("thresholds");
            return;
        }
        g.writeObjectFieldStart("thresholds");
        g.writeNumberField("decline", t.decline());
        g.writeNumberField("review", t.review());
        g.writeNumberField("challenge", t.challenge());
        g.writeObjectFieldStart("target_false_decline_rate");
        g.writeNumberField("decline", t.declineTarget());
        g.writeNumberField("review", t.reviewTarget());
        g.writeNumberField("challenge", t.challengeTarget());
        g.writeEndObject();
        g.writeNumberField("legitimate_rows", t.legitimateRows());
        g.writeEndObject();
    }
}
