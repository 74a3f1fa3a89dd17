package dev.farthing.server.http.risk;

import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ModelEntry;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.model.registry.ModelRegistryException;
import dev.farthing.model.registry.ShadowReport;
import dev.farthing.model.registry.ShadowScoreboard;
import dev.farthing.risk.engine.LiveRiskConfig;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /v1/models}: the registry's versions, activating one (it decides from the next payment on), adding a
 * shadow (scored on live traffic, never deciding), the live metrics of active and shadow models side by side,
 * and a model's feature drift (PSI of the traffic it decided against its training distribution).
 */
final class ModelRoutes {
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final LiveRiskConfig live;
    private final ShadowScoreboard scoreboard;
    private final RiskAudit audit;

    ModelRoutes(LiveRiskConfig live, ShadowScoreboard scoreboard, RiskAudit audit) {
        this.live = live;
        this.scoreboard = scoreboard;
        this.audit = audit;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/models", Role.AUDITOR, this::list),
                Route.get("/v1/models/metrics", Role.AUDITOR, this::metrics),
                Route.get("/v1/models/{version}/drift", Role.AUDITOR, this::drift),
                Route.post("/v1/models/{version}/activate", Role.ADMIN, this::activate),
                Route.post("/v1/models/{version}/shadow", Role.ADMIN, this::shadow));
    }

    private void list(Context ctx) {
        List<ModelEntry> entries = io(() -> live.models().list());
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("active", live.activeModel().map(RiskModel::version).orElse(null));
            g.writeArrayFieldStart("models");
            for (ModelEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("version", e.version());
                g.writeStringField("created_at", e.createdAt().toString());
                g.writeNumberField("feature_count", e.featureCount());
                g.writeBooleanField("anomaly_model", e.anomalyModel());
                g.writeBooleanField("active", e.active());
                g.writeBooleanField("shadow", e.shadow());
                DriftJson.guardFields(g, e.trainingStats(), e.calibrated(), e.thresholds());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (live.lastProblem() != null) {
                g.writeStringField("last_problem", live.lastProblem());
            }
            g.writeEndObject();
        }));
    }

    /** Drift of the deciding instance when the version is active; a version not deciding has counted nothing. */
    private void drift(Context ctx) {
        String version = version(ctx);
        RiskModel active = live.activeModel().filter(m -> m.version().equals(version)).orElse(null);
        RiskModel model = active != null ? active : io(() -> live.models().model(version));
        Replies.json(ctx, 200, Json.bytes(g -> DriftJson.drift(g, model, active != null)));
    }

    private void activate(Context ctx) {
        String version = version(ctx);
        ModelRegistry registry = live.models();
        RiskModel model = io(() -> registry.model(version));
        try {
            model.requireFeatures(live.schema().names());
        } catch (RuntimeException e) {
            throw new ApiException(422, RiskProblems.MODEL_FEATURES_MISMATCH, e.getMessage());
        }
        String before = live.activeModel().map(RiskModel::version).orElse(null);
        io(() -> {
            registry.activate(version);
            return null;
        });
        live.pollModels();
        audit.trail().record(ctx, "model.activated", "model:active", RiskAudit.one("version", before),
                RiskAudit.one("version", version));
        list(ctx);
    }

    private void shadow(Context ctx) {
        String version = version(ctx);
        io(() -> {
            live.models().addShadow(version);
            return null;
        });
        live.pollModels();
        audit.trail().record(ctx, "model.shadowed", "model:" + version, null, RiskAudit.one("role", "shadow"));
        list(ctx);
    }

    private void metrics(Context ctx) {
        List<ShadowReport> reports = scoreboard.report();
        Replies.json(ctx, 200, Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("models");
            for (ShadowReport r : reports) {
                g.writeStartObject();
                g.writeStringField("version", r.version());
                g.writeNumberField("scored", r.scored());
                g.writeNumberField("labelled", r.labelled());
                g.writeNumberField("labelled_fraud", r.labelledFraud());
                RiskJson.number(g, "precision", r.precision());
                RiskJson.number(g, "recall", r.recall());
                RiskJson.number(g, "false_positive_rate", r.falsePositiveRate());
                RiskJson.number(g, "roc_auc", r.rocAuc());
                RiskJson.number(g, "pr_auc", r.prAuc());
                g.writeArrayFieldStart("score_histogram");
                for (long c : r.histogram()) {
                    g.writeNumber(c);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static String version(Context ctx) {
        String v = ctx.pathParam("version");
        if (!VERSION.matcher(v).matches()) {
            throw ApiException.invalid("model version must be 1..64 of A-Z a-z 0-9 . _ -");
        }
        return v;
    }

    interface IoCall<T> {
        T call() throws IOException;
    }

    /** Registry calls: a refusal keeps its code (unknown version is 404), an I/O failure is 503. */
    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (ModelRegistryException e) {
            int status = e.code().startsWith("unknown") ? 404 : 409;
            throw new ApiException(status, e.code(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw ApiException.of(ErrorCode.UNAVAILABLE, "the model registry cannot be read: " + e.getMessage());
        }
    }
}
