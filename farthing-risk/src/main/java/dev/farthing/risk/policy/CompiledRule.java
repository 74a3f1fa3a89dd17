package dev.farthing.risk.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;

/** A rule ready to run: its checked CEL program and the variables it references, in order of appearance. */
record CompiledRule(PolicyRule rule, CelRuntime.Program program, List<PolicyVariables.Variable> referenced) {

    CompiledRule {
        referenced = List.copyOf(referenced);
    }

    /**
     * A hard rule reads only the request's money and identity fields (amount, fee, currency, country, payer,
     * payee): its decline stands without other evidence. A rule that reads a feature, a score or a
     * {@code payment.has_*} flag is not one, whatever else it reads.
     */
    boolean hardRule() {
        if (referenced.isEmpty()) {
            return false;
        }
        for (PolicyVariables.Variable v : referenced) {
            if (!PolicyVariables.isRequestField(v.name())) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the condition reads the fraud model's output ({@code score.fraud} or a {@code contribution.*}) and
     * nothing but model outputs and thresholds ({@code score.*}, {@code model.*}): a rule that is the model alone.
     */
    boolean readsFraudModel() {
        boolean fraud = false;
        for (PolicyVariables.Variable v : referenced) {
            fraud |= PolicyVariables.explainedByFraudModel(v);
            if (!PolicyVariables.explainedByFraudModel(v) && !v.name().startsWith("score.")
                    && !v.name().startsWith("model.")) {
                return false;
            }
        }
        return fraud;
    }

    /** True when the condition holds for this payment. The checker guarantees a bool result. */
    boolean matches(PolicyActivation activation) throws CelEvaluationException {
        return Boolean.TRUE.equals(program.eval(activation));
    }
}
