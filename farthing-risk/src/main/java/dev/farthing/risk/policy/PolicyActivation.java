package dev.farthing.risk.policy;

import dev.cel.runtime.CelVariableResolver;

import java.util.Optional;

/**
 * The variables of one payment, built once per evaluation and shared by every rule: each value is read and
 * boxed on first use only. Not thread-safe; one evaluation uses one activation.
 */
final class PolicyActivation implements CelVariableResolver {
    private final PolicyVariables variables;
    private final PolicyInput input;
    private final Optional<?>[] cache;

    PolicyActivation(PolicyVariables variables, PolicyInput input) {
        this.variables = variables;
        this.input = input;
        this.cache = new Optional<?>[variables.size()];
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Object> find(String name) {
        PolicyVariables.Variable v = variables.get(name);
        if (v == null) {
            return Optional.empty();
        }
        Optional<?> value = cache[v.slot()];
        if (value == null) {
            value = Optional.of(v.reader().read(input));
            cache[v.slot()] = value;
        }
        return (Optional<Object>) value;
    }

    PolicyInput input() {
        return input;
    }

    /** The value a rule saw for {@code variable}, for explanations. */
    Object value(PolicyVariables.Variable variable) {
        return find(variable.name()).orElseThrow();
    }
}
