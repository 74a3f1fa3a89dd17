package dev.farthing.simulator.eval;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.decide.Decider;
import dev.farthing.risk.decide.ShippedModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds the in-process decision pipeline the harness drives: a fresh {@link DefaultFeatureEngine}, a model
 * (the shipped default unless a file is given) and a policy (the shipped default unless a file is given).
 */
public final class Pipeline {
    private Pipeline() {
    }

    public static Decider decider(Optional<RiskModel> model, PolicySet policy) {
        DefaultFeatureEngine engine = new DefaultFeatureEngine(FeatureConfig.defaults());
        return new Decider(engine, () -> model, () -> policy);
    }

    /** The policy in {@code file}, or the shipped default policy when null. */
    public static PolicySet policy(Path file) {
        try {
            String source = file == null ? PolicyStore.defaultSource() : Files.readString(file);
            return PolicyCompiler.compile(source, DefaultFeatureEngine.defaultSchema());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
    }

    /** The model in {@code file}, or the shipped default model when null (empty if none ships). */
    public static Optional<RiskModel> model(Path file) {
        if (file == null) {
            return ShippedModel.load();
        }
        try {
            return Optional.of(RiskModel.load(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load model " + file, e);
        }
    }
}
