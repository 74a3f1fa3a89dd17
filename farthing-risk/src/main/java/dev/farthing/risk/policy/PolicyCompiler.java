package dev.farthing.risk.policy;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.farthing.risk.features.FeatureSchema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles a policy file into a {@link PolicySet}, type-checking every rule against the feature schema.
 *
 * <h2>Policy file grammar</h2>
 * <pre>
 * # a comment: a whole line starting with '#'
 * policy default                       # optional header, before any rule: the policy's name (snake_case)
 *
 * rule bot_regular_timing:             # optional rule name (snake_case, unique); default "CODE@LINE"
 *     features.payer_gap_cv_1h &lt; 0.05
 *     &amp;&amp; features.payer_count_1h &gt; 30
 *   =&gt; decline "bot_regular_timing" "payments arrive at machine-regular intervals"
 *
 * score.fraud &gt; 0.97 =&gt; decline "model_high_risk"
 * </pre>
 * A rule is a CEL condition (any number of lines; whole-line '#' comments may sit between them) ending at the
 * first {@code =>} outside a string literal, then an action ({@code approve}, {@code challenge},
 * {@code review}, {@code decline}), a quoted snake_case reason code, an optional quoted detail text and an
 * optional trailing {@code # comment}, all on the line of the {@code =>}.
 *
 * <h2>Variables and NaN</h2>
 * See {@link PolicyVariables}: {@code features.NAME} (double, one per feature of the schema),
 * {@code contribution.NAME} (double, the feature's TreeSHAP contribution to the fraud model in log-odds),
 * {@code score.fraud} and {@code score.anomaly} (double), and {@code payment.*}. Numbers order across int
 * and double ({@code features.payer_count_1h > 30} is fine), but equality needs one type: write
 * {@code features.young_account_flag == 1.0}, not {@code == 1}. An unknown value is NaN, and every comparison
 * with NaN is false: {@code x < 5} and {@code x >= 5} are both false when x is unknown, so a rule written as
 * a positive condition never fires on missing data; so is {@code x == 2.0}. Beware negations: {@code !(x < 5)}
 * and {@code x != 2.0} are true for NaN; test {@code known(x)} (a function added here: true when x is not NaN)
 * where that matters. (CEL-Java compares doubles for equality with {@code Double.equals}, so {@code x == y} is
 * true when both are NaN: compare features with constants, not with each other.)
 *
 * <h2>Checks at load</h2>
 * Syntax errors, unknown variables ({@code features.typo} is reported by name), type errors (comparing a
 * string with a number) and conditions that are not bool are all rejected with the rule name, 1-based line and
 * column in the file. Every error in the file is reported at once in a {@link PolicyException}.
 */
public final class PolicyCompiler {
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .maxExpressionCodePointSize(64 * 1024)
            .build();
    /** The one program that evaluates every rule of a policy at once (see {@link CombinedRules}). */
    private static final CelOptions COMBINED_OPTIONS = OPTIONS.toBuilder()
            .maxExpressionCodePointSize(PolicyParser.MAX_SOURCE_CHARS + 8 * PolicyParser.MAX_RULES)
            .build();

    private PolicyCompiler() {
    }

    public static PolicySet compile(String source, FeatureSchema schema) {
        PolicyParser.Parsed parsed = PolicyParser.parse(source);
        PolicyVariables variables = new PolicyVariables(schema);
        Cel cel = environment(variables);
        List<PolicyError> errors = new ArrayList<>();
        List<CompiledRule> rules = new ArrayList<>();
        for (PolicyParser.RuleSource rule : parsed.rules()) {
            CompiledRule compiled = compileRule(cel, variables, rule, errors);
            if (compiled != null) {
                rules.add(compiled);
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyException(errors);
        }
        Cel combined = environment(variables, ListType.create(SimpleType.BOOL), COMBINED_OPTIONS);
        return new PolicySet(parsed.name(), parsed.name() + "-" + contentHash(source), source, variables, rules,
                CombinedRules.program(combined, parsed.rules()));
    }

    static Cel environment(PolicyVariables variables) {
        return environment(variables, SimpleType.BOOL, OPTIONS);
    }

    private static Cel environment(PolicyVariables variables, CelType resultType, CelOptions options) {
        var builder = CelFactory.plannerCelBuilder()
                .setOptions(options)
                .setResultType(resultType)
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("known",
                        CelOverloadDecl.newGlobalOverload("known_double", SimpleType.BOOL, SimpleType.DOUBLE)))
                .addFunctionBindings(CelFunctionBinding.from("known_double", Double.class, d -> !d.isNaN()))
                .setStandardFunctions(IeeeComparisons.standardFunctionsWithoutMixedOrdering())
                .addFunctionBindings(IeeeComparisons.bindings());
        for (PolicyVariables.Variable v : variables.all()) {
            builder.addVar(v.name(), v.type());
        }
        return builder.build();
    }

    private static CompiledRule compileRule(Cel cel, PolicyVariables variables, PolicyParser.RuleSource source,
                                            List<PolicyError> errors) {
        String name = source.rule().name();
        Set<PolicyVariables.Variable> referenced = new LinkedHashSet<>();
        boolean unknown = false;
        for (VariableScanner.Reference ref : VariableScanner.scan(source.paddedCondition())) {
            PolicyVariables.Variable v = variables.get(ref.name());
            if (v == null) {
                errors.add(new PolicyError(name, source.conditionLine() + ref.line() - 1, ref.column() + 1,
                        unknownMessage(ref.name())));
                unknown = true;
            } else {
                referenced.add(v);
            }
        }
        int unsigned = VariableScanner.unsignedLiteral(source.paddedCondition());
        if (unsigned >= 0) {
            int[] at = VariableScanner.lineAndColumn(source.paddedCondition(), unsigned);
            errors.add(new PolicyError(name, source.conditionLine() + at[0] - 1, at[1] + 1,
                    "unsigned literals are not supported: write the number without 'u'"));
            unknown = true;
        }
        if (unknown) {
            return null;
        }
        CelValidationResult result = cel.compile(source.paddedCondition());
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                errors.add(position(name, source, issue));
            }
            return null;
        }
        try {
            return new CompiledRule(source.rule(), cel.createProgram(result.getAst()), List.copyOf(referenced));
        } catch (CelEvaluationException | dev.cel.common.CelValidationException e) {
            errors.add(new PolicyError(name, source.rule().line(), 1, "cannot build the rule: " + e.getMessage()));
            return null;
        }
    }

    private static String unknownMessage(String name) {
        if (name.startsWith("features.")) {
            return "unknown feature '" + name.substring("features.".length()) + "'";
        }
        if (name.startsWith("contribution.")) {
            return "unknown feature '" + name.substring("contribution.".length()) + "' in '" + name + "'";
        }
        return "unknown variable '" + name + "'";
    }

    /** Maps a CEL issue (line within the padded condition, 0-based column) to the file's line and column. */
    private static PolicyError position(String rule, PolicyParser.RuleSource source, CelIssue issue) {
        CelSourceLocation at = issue.getSourceLocation();
        if (at == null || at.getLine() < 1) {
            return new PolicyError(rule, source.rule().line(), 1, issue.getMessage());
        }
        return new PolicyError(rule, source.conditionLine() + at.getLine() - 1, at.getColumn() + 1,
                withHint(issue.getMessage()));
    }

    /** CEL orders int and double but does not test them for equality: say how to write the literal. */
    private static String withHint(String message) {
        boolean mixedEquality = (message.contains("'_==_'") || message.contains("'_!=_'"))
                && (message.contains("(double, int)") || message.contains("(int, double)"));
        return mixedEquality ? message + "; features are doubles: write 0 as 0.0, 1 as 1.0" : message;
    }

    static String contentHash(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
