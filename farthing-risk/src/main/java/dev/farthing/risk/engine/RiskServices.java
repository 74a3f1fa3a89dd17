package dev.farthing.risk.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.model.registry.ShadowScoreboard;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.features.FeatureConfig;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything risk under one data directory ({@code DATA/risk}): the payment engine ({@code journal/}), the model
 * registry ({@code models/}), the policy store ({@code policies/}), the shadow scoreboard, and a poller that picks
 * up model and policy changes made by other processes every {@code pollSeconds}.
 */
public final class RiskServices implements AutoCloseable {
    /** Payments remembered per model for side-by-side metrics, and the score above which a model "flags". */
    private static final int SCOREBOARD_CAPACITY = 100_000;
    private static final double SCOREBOARD_THRESHOLD = 0.5;
    private final LiveRiskConfig live;
    private final ShadowScoreboard scoreboard;
    private final RiskEngine engine;
    private final ScheduledExecutorService poller;

    private RiskServices(LiveRiskConfig live, ShadowScoreboard scoreboard, RiskEngine engine,
                         ScheduledExecutorService poller) {
        this.live = live;
        this.scoreboard = scoreboard;
        this.engine = engine;
        this.poller = poller;
    }

    public static RiskServices open(Ledger ledger, Path dir, RiskEngineConfig config, DecisionObserver observer,
                                    long pollSeconds) {
        DefaultFeatureEngine features = new DefaultFeatureEngine(FeatureConfig.defaults());
        LiveRiskConfig live = new LiveRiskConfig(dir.resolve("models"), dir.resolve("policies"), features.schema());
        ShadowScoreboard scoreboard = new ShadowScoreboard(SCOREBOARD_CAPACITY, SCOREBOARD_THRESHOLD);
        RiskEngine engine = RiskEngine.open(ledger, dir, new PipelineAssessor(features, live, scoreboard), config,
                observer);
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("farthing-risk-config-poller").daemon(true).factory());
        poller.scheduleWithFixedDelay(live::poll, pollSeconds, pollSeconds, TimeUnit.SECONDS);
        return new RiskServices(live, scoreboard, engine, poller);
    }

    public RiskEngine engine() {
        return engine;
    }

    public LiveRiskConfig config() {
        return live;
    }

    public ShadowScoreboard scoreboard() {
        return scoreboard;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        engine.close();
    }
}
