package dev.farthing.risk.policy;

import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelStandardFunctions;
import dev.cel.runtime.CelStandardFunctions.StandardFunction;

import java.util.List;
import java.util.Set;

/**
 * Ordering between a double and an int with IEEE 754 semantics. CEL-Java 0.14 implements the mixed
 * comparisons ({@code features.payer_count_1h > 30}) with {@code Double.compare}, which ranks NaN above every
 * number: an unknown feature would then match {@code x > 30}. Policies rely on "every comparison with NaN is
 * false", so the standard mixed overloads are replaced by these. (double/double comparisons are already IEEE.)
 */
final class IeeeComparisons {
    private static final Set<StandardFunction> ORDERING = Set.of(StandardFunction.LESS,
            StandardFunction.LESS_EQUALS, StandardFunction.GREATER, StandardFunction.GREATER_EQUALS);

    private IeeeComparisons() {
    }

    /** The standard runtime functions without the mixed double/int orderings that {@link #bindings} replace. */
    static CelStandardFunctions standardFunctionsWithoutMixedOrdering() {
        return CelStandardFunctions.newBuilder()
                .filterFunctions((function, overload) -> !(ORDERING.contains(function)
                        && overload instanceof Enum<?> e
                        && (e.name().endsWith("_DOUBLE_INT64") || e.name().endsWith("_INT64_DOUBLE"))))
                .build();
    }

    static List<CelFunctionBinding> bindings() {
        return List.of(
                CelFunctionBinding.from("less_double_int64", Double.class, Long.class, (d, l) -> d < l),
                CelFunctionBinding.from("less_equals_double_int64", Double.class, Long.class, (d, l) -> d <= l),
                CelFunctionBinding.from("greater_double_int64", Double.class, Long.class, (d, l) -> d > l),
                CelFunctionBinding.from("greater_equals_double_int64", Double.class, Long.class, (d, l) -> d >= l),
                CelFunctionBinding.from("less_int64_double", Long.class, Double.class, (l, d) -> l < d),
                CelFunctionBinding.from("less_equals_int64_double", Long.class, Double.class, (l, d) -> l <= d),
                CelFunctionBinding.from("greater_int64_double", Long.class, Double.class, (l, d) -> l > d),
                CelFunctionBinding.from("greater_equals_int64_double", Long.class, Double.class, (l, d) -> l >= d));
    }
}
