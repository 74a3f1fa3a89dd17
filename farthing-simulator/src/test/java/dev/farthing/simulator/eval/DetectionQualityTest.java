package dev.farthing.simulator.eval;

import dev.farthing.model.RiskModel;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.Simulator;
import dev.farthing.simulator.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue-3 detection targets, met by the shipped model and policy on evaluation seeds that were never used
 * in development (see docs/DETECTION.md for how they were chosen). -Dfarthing.seed=N checks another seed.
 */
class DetectionQualityTest {
    /** Drawn from the clock after the model and policy were final; never trained or tuned on. */
    static final long[] EVALUATION_SEEDS = {EvaluationSeeds.FIRST, EvaluationSeeds.SECOND, EvaluationSeeds.THIRD};

    /** Family A alone on its documented evaluation seeds, at 3,000 people: opt-in (-Dfarthing.detection=true), it is long. */
    @Test
    @EnabledIfSystemProperty(named = "farthing.detection", matches = "true")
    void theShippedDetectorMeetsTheTargetsOnFreshSeeds() {
        Optional<RiskModel> model = Pipeline.model(null);
        assertThat(model).as("farthing-risk ships a default model").isPresent();
        PolicySet policy = Pipeline.policy(null);
        Long override = Long.getLong("farthing.seed");
        long[] seeds = override != null ? new long[]{override} : EVALUATION_SEEDS;
        for (long seed : seeds) {
            System.out.println("seed=" + seed);
            // 3,000 people, as in docs/DETECTION.md: at 2,000 a seed may hold a single small takeover campaign,
            // and one campaign then decides the whole scenario's rate (see "What is missed").
            Simulation sim = Simulator.run(SimulationConfig.of(seed, 3000));
            QualityReport report = DetectionHarness.evaluate("seed " + seed, sim, Pipeline.decider(model, policy));
            System.out.print(report.format());
            assertThat(report.violations(Targets.issue3())).as("seed %d", seed).isEmpty();
        }
    }

    /**
     * Cross-family targets (issue 8) with the shipped, mix-trained model and policy on seeds drawn from the
     * clock now (printed; -Dfarthing.seed=N reproduces one). The default run checks one fresh seed per family at
     * 600 people to keep CI short (-Dfarthing.crossFamily.users=N for another scale); -Dfarthing.crossFamily.full=true runs three seeds per family at 3,000, as
     * documented in docs/DETECTION.md. Known misses are listed there with numbers: this test fails while they last
     * and is therefore opt-in (-Dfarthing.crossFamily=true).
     */
    @Test
    @EnabledIfSystemProperty(named = "farthing.crossFamily", matches = "true")
    void theShippedDetectorMeetsTheCrossFamilyTargets() {
        boolean full = Boolean.getBoolean("farthing.crossFamily.full");
        // -Dfarthing.crossFamily.users=N sets the scale (people per seed) of either run.
        int users = Integer.getInteger("farthing.crossFamily.users", full ? 3000 : 600);
        Long override = Long.getLong("farthing.seed");
        Optional<RiskModel> model = Pipeline.model(null);
        PolicySet policy = Pipeline.policy(null);
        java.util.List<String> misses = new java.util.ArrayList<>();
        for (Family family : new Family[]{Family.A, Family.B}) {
            for (int i = 0; i < (full ? 3 : 1); i++) {
                long seed = override != null ? override : System.nanoTime() ^ System.currentTimeMillis() * 1_000_003L;
                System.out.println("family=" + family + " seed=" + seed);
                CrossFamily.Cell cell = CrossFamily.evaluate("mix", model, policy, family, SimulationConfig.of(seed, users));
                System.out.print(cell.report().format());
                cell.report().violations(Targets.issue3()).forEach(v -> misses.add(family + " seed " + seed + ": " + v));
            }
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void naiveRulesBotherPeople() {
        // The legitimate side is hard on purpose: each of these plausible-looking rules flags real people
        // (video billed per minute, carrier NAT, family tablets, binge reading) far beyond the 1% budget.
        PolicySet naive = PolicyCompiler.compile("""
                policy naive
                features.payer_gap_cv_1h < 0.1 && features.payer_count_1h >= 10 => decline "regular_timing"
                features.ip_distinct_accounts_count >= 10 => challenge "shared_ip"
                features.device_distinct_accounts_count >= 2 => challenge "shared_device"
                features.payer_count_1m >= 5 => challenge "burst"
                """, DefaultFeatureEngine.defaultSchema());
        Simulation sim = Simulator.run(SimulationConfig.of(EvaluationSeeds.FIRST, 500));
        QualityReport report = DetectionHarness.evaluate("naive", sim, Pipeline.decider(Optional.empty(), naive));
        System.out.print(report.format());
        Tally legit = report.legit();
        assertThat(legit.share(legit.flagged())).isGreaterThan(5 * Targets.issue3().maxLegitFriction());
        for (String code : new String[]{"regular_timing", "shared_ip", "shared_device", "burst"}) {
            assertThat(legit.topReasons(10)).as(code).anyMatch(e -> e.getKey().equals(code));
        }
    }
}
