package dev.farthing.risk.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.farthing.risk.features.FeatureSchema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A compiled, immutable policy: named, versioned by {@code name-<first 12 hex of SHA-256(source)>}, and safe
 * to share between threads. {@link #evaluate} runs every rule, as one combined CEL program, against one
 * activation built once per payment;
 * the most severe matched action wins and every matched rule's reason is returned, most severe first.
 * A rule whose evaluation fails (e.g. integer overflow) does not silently pass: it adds a
 * {@code policy_rule_error} reason and raises the decision to at least REVIEW.
 *
 * <p>Novelty is not evidence: every decision then passes through {@link EvidenceRule}, which no policy text can
 * switch off. Without a feature beyond its evidence band or a hard rule, declines and reviews are lowered to
 * challenges with a {@code downgraded_no_evidence} reason first.
 */
public final class PolicySet {
    private static final Comparator<EvidenceRule.Match> MOST_SEVERE_FIRST =
            Comparator.comparing(EvidenceRule.Match::action, Comparator.reverseOrder());

    private final String name;
    private final String version;
    private final String source;
    private final PolicyVariables variables;
    private final List<CompiledRule> rules;
    private final CelRuntime.Program allRules;

    PolicySet(String name, String version, String source, PolicyVariables variables, List<CompiledRule> rules,
              CelRuntime.Program allRules) {
        this.name = name;
        this.version = version;
        this.source = source;
        this.variables = variables;
        this.rules = List.copyOf(rules);
        this.allRules = allRules;
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The exact text this policy was compiled from. */
    public String source() {
        return source;
    }

    public FeatureSchema schema() {
        return variables.schema();
    }

    public List<PolicyRule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /** Decides one payment. Its feature vector must use this policy's schema. */
    public PolicyDecision evaluate(PolicyInput input) {
        FeatureSchema schema = input.features().schema();
        if (schema != variables.schema() && !schema.equals(variables.schema())) {
            throw new IllegalArgumentException("policy " + version + " was compiled for another feature schema");
        }
        PolicyActivation activation = new PolicyActivation(variables, input);
        List<?> hits = CombinedRules.evaluate(allRules, activation);
        List<EvidenceRule.Match> matches = null;
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.get(i);
            EvidenceRule.Match match = hits == null ? run(rule, activation)
                    : Boolean.TRUE.equals(hits.get(i)) ? matched(rule, activation) : null;
            if (match != null) {
                if (matches == null) {
                    matches = new ArrayList<>(4);
                }
                matches.add(match);
            }
        }
        if (matches == null) {
            return PolicyDecision.approveWithoutReasons();
        }
        matches.sort(MOST_SEVERE_FIRST);
        return EvidenceRule.decide(matches, input);
    }

    private static EvidenceRule.Match matched(CompiledRule rule, PolicyActivation activation) {
        return new EvidenceRule.Match(rule.rule().name(), rule.rule().action(), ReasonDetails.matched(rule, activation),
                rule.hardRule() ? Action.DECLINE : EvidenceRule.UNCORROBORATED, rule.readsFraudModel());
    }

    /** One rule alone: the slow path, taken only when the combined program failed, to isolate the failure. */
    private static EvidenceRule.Match run(CompiledRule rule, PolicyActivation activation) {
        try {
            return rule.matches(activation) ? matched(rule, activation) : null;
        } catch (CelEvaluationException | RuntimeException e) {
            return new EvidenceRule.Match(rule.rule().name(), rule.rule().action().max(Action.REVIEW),
                    ReasonDetails.failed(rule.rule(), e), Action.REVIEW, false);
        }
    }

    @Override
    public String toString() {
        return "PolicySet{" + version + ", " + rules.size() + " rules}";
    }
}
