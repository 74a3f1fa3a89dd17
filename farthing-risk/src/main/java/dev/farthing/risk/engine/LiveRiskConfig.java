package dev.farthing.risk.engine;

import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.risk.decide.ShippedModel;
import dev.farthing.risk.features.FeatureSchema;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

/**
 * The active model, shadow models and active policy, as the decision thread reads them (volatile, lock-free).
 * {@link #poll} re-reads the model registry and the policy store's ACTIVE marker, because another process
 * ({@code farthing model activate}, {@code farthing policy ...}) may change them; a change that fails to load
 * keeps the last good version and is reported by {@link #lastProblem()}.
 */
public final class LiveRiskConfig {
    private static final System.Logger LOG = System.getLogger(LiveRiskConfig.class.getName());
    private final ModelRegistry models;
    private final Path policyDir;
    private final FeatureSchema schema;
    private volatile PolicyStore policies;
    private volatile Optional<RiskModel> active = Optional.empty();
    private volatile List<RiskModel> shadows = List.of();
    private volatile FileTime policyMarker;
    private volatile String lastProblem;

    public LiveRiskConfig(Path modelDir, Path policyDir, FeatureSchema schema) {
        try {
            this.models = new ModelRegistry(modelDir);
            ShippedModel.installIfEmpty(models).ifPresent(v ->
                    LOG.log(System.Logger.Level.INFO, "new model registry: installed the shipped model " + v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the model registry " + modelDir, e);
        }
        this.policyDir = policyDir;
        this.schema = schema;
        this.policies = new PolicyStore(policyDir, schema);
        this.policyMarker = marker();
        pollModels();
    }

    public Optional<RiskModel> activeModel() {
        return active;
    }

    public List<RiskModel> shadowModels() {
        return shadows;
    }

    public PolicySet activePolicy() {
        return policies.active();
    }

    public ModelRegistry models() {
        return models;
    }

    public PolicyStore policies() {
        return policies;
    }

    public FeatureSchema schema() {
        return schema;
    }

    /** The last reload that failed, or null. */
    public String lastProblem() {
        return lastProblem;
    }

    /** Re-reads models and policies if they changed on disk. Safe to call from any one thread at a time. */
    public synchronized void poll() {
        pollModels();
        FileTime now = marker();
        if (now != null && !now.equals(policyMarker)) {
            try {
                policies = new PolicyStore(policyDir, schema);
                policyMarker = now;
            } catch (RuntimeException e) {
                problem("policy reload failed; keeping " + policies.active().version(), e);
            }
        }
    }

    /** Activation done in this process: models are re-read at once. */
    public synchronized void pollModels() {
        try {
            Optional<RiskModel> next = models.active();
            next.ifPresent(m -> m.requireFeatures(schema.names())); // a model for other features must not decide
            active = next;
            shadows = models.shadows();
        } catch (IOException | RuntimeException e) {
            problem("model registry reload failed; keeping " + active.map(RiskModel::version).orElse("no model"), e);
        }
    }

    private void problem(String what, Exception e) {
        lastProblem = what + ": " + e.getMessage();
        LOG.log(System.Logger.Level.WARNING, lastProblem);
    }

    private FileTime marker() {
        try {
            Path activeFile = policyDir.resolve("ACTIVE");
            return Files.exists(activeFile) ? Files.getLastModifiedTime(activeFile) : FileTime.fromMillis(0);
        } catch (IOException e) {
            return null;
        }
    }
}
