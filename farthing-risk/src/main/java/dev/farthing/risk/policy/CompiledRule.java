package dev.farthing.risk.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.List;

/** A rule ready to run: its checked CEL program and the variables it references, in order of appearance. */
record CompiledRule(PolicyRule rule, CelRuntime.Program program, List<PolicyVariables.Variable> referenced) {

    CompiledRule {
        referenced = List.copyOf(referenced);
    }

    /** True when the condition holds for this payment. The checker guarantees a bool result. */
    boolean matches(PolicyActivation activation) throws CelEvaluationException {
        return Boolean.TRUE.equals(program.eval(activation));
    }
}
