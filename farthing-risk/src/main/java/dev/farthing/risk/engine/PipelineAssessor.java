package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.model.FeatureMismatchException;
import dev.farthing.model.RiskModel;
import dev.farthing.model.registry.ShadowScoreboard;
import dev.farthing.risk.decide.Decider;
import dev.farthing.risk.features.FeatureEngine;
import dev.farthing.risk.features.FeatureVector;
import dev.farthing.risk.policy.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@link Assessor}: the POLICY helper's {@link Decider} (features, active model, active policy), plus
 * shadow models scored on the same features without deciding, every score kept on a {@link ShadowScoreboard}
 * so the models can be compared once labels arrive.
 */
public final class PipelineAssessor implements Assessor {
    private final Decider decider;
    private final LiveRiskConfig live;
    private final ShadowScoreboard scoreboard;
    private final Map<RiskModel, Boolean> shadowFits = new HashMap<>();

    public PipelineAssessor(FeatureEngine features, LiveRiskConfig live, ShadowScoreboard scoreboard) {
        this.live = live;
        this.scoreboard = scoreboard;
        this.decider = new Decider(features, live::activeModel, live::activePolicy);
    }

    @Override
    public Assessment assess(PaymentRequest payment, long atNanos) {
        dev.farthing.risk.decide.Decision d = decider.decide(payment, atNanos);
        List<DecisionReason> reasons = new ArrayList<>(d.policy().reasons().size());
        for (Reason r : d.policy().reasons()) {
            reasons.add(new DecisionReason(r.code(), r.detail(), r.explains(), r.contributions()));
        }
        scoreboard.recordScore(payment.id(), d.modelVersion(), d.fraudScore());
        return new Assessment(decisionOf(d.action()), d.fraudScore(), d.modelVersion(), d.policyVersion(), reasons,
                summary(d, reasons), shadowScores(payment.id(), d.features()));
    }

    @Override
    public void record(PaymentRequest payment, long atNanos, boolean moved) {
        decider.learn(payment, atNanos, moved);
    }

    @Override
    public void labelled(String paymentId, boolean fraud) {
        scoreboard.recordLabel(paymentId, fraud);
    }

    static Decision decisionOf(dev.farthing.risk.policy.Action action) {
        return switch (action) {
            case APPROVE -> Decision.APPROVED;
            case CHALLENGE -> Decision.CHALLENGED;
            case REVIEW -> Decision.HELD_FOR_REVIEW;
            case DECLINE -> Decision.DECLINED;
        };
    }

    /** For the journal: the anomaly score and the features the reasons name (nothing for a clean approval). */
    private static Map<String, Double> summary(dev.farthing.risk.decide.Decision d, List<DecisionReason> reasons) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (!Double.isNaN(d.scores().anomaly())) {
            out.put("anomaly_score", d.scores().anomaly());
        }
        if (reasons.isEmpty()) {
            return out;
        }
        FeatureVector v = d.features();
        for (int i = 0; i < v.values().length && out.size() < 16; i++) {
            String name = v.schema().feature(i).name();
            for (DecisionReason r : reasons) {
                if (r.detail().contains(name)) {
                    out.put(name, v.get(i));
                    break;
                }
            }
        }
        return out;
    }

    private Map<String, Double> shadowScores(String paymentId, FeatureVector features) {
        List<RiskModel> shadows = live.shadowModels();
        if (shadows.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (RiskModel m : shadows) {
            if (!shadowFits.computeIfAbsent(m, k -> fits(k, features))) {
                continue;
            }
            double score = m.fraudScore(features.values());
            out.put(m.version(), score);
            scoreboard.recordScore(paymentId, m.version(), score);
        }
        if (shadowFits.size() > 64) {
            shadowFits.clear();
        }
        return out;
    }

    private static boolean fits(RiskModel m, FeatureVector features) {
        try {
            m.requireFeatures(features.schema().names());
            return true;
        } catch (FeatureMismatchException e) {
            System.getLogger(PipelineAssessor.class.getName()).log(System.Logger.Level.WARNING,
                    "shadow model " + m.version() + " does not fit the feature schema: " + e.getMessage());
            return false;
        }
    }
}
