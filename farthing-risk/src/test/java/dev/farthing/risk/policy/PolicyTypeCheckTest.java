package dev.farthing.risk.policy;

import org.junit.jupiter.api.Test;

import static dev.farthing.risk.policy.TestPolicies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTypeCheckTest {

    private static PolicyError onlyError(String source) {
        try {
            compile(source);
        } catch (PolicyException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().getFirst();
        }
        throw new AssertionError("policy compiled but should not have:\n" + source);
    }

    @Test
    void unknownFeatureIsNamedAtItsPosition() {
        PolicyError e = onlyError("""
                policy p
                rule bots:
                    features.payer_count_1h > 30
                    && features.payer_gap_cv_2h < 0.05
                  => decline "bot_regular_timing"
                """);
        assertThat(e.rule()).isEqualTo("bots");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.message()).isEqualTo("unknown feature 'payer_gap_cv_2h'");
    }

    @Test
    void unknownScoreOrPaymentVariableIsNamed() {
        PolicyError e = onlyError("rule r: score.fraudd > 0.5 => review \"x\"");
        assertThat(e.message()).isEqualTo("unknown variable 'score.fraudd'");
        assertThat(e.column()).isEqualTo(9);
        assertThat(onlyError("payment.ammount > 5 => review \"x\"").message()).contains("payment.ammount");
    }

    @Test
    void celSyntaxErrorHasLineAndColumn() {
        PolicyError e = onlyError("""
                # comment
                rule broken:
                    features.payer_count_1h >
                  => review "x"
                """);
        assertThat(e.rule()).isEqualTo("broken");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message()).contains("mismatched input");
        PolicyError sameLine = onlyError("rule broken: (features.payer_count_1h > 3 => review \"x\"");
        assertThat(sameLine.line()).isEqualTo(1);
        assertThat(sameLine.column()).isGreaterThan(14);
    }

    @Test
    void comparingAStringWithANumberIsATypeError() {
        PolicyError e = onlyError("rule t:\n  payment.currency > 3\n  => review \"x\"");
        assertThat(e.rule()).isEqualTo("t");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(20);
        assertThat(e.message()).contains("no matching overload").contains("string, int");
    }

    @Test
    void aConditionMustBeBool() {
        PolicyError e = onlyError("rule n: features.payer_count_1h + 1.0 => review \"x\"");
        assertThat(e.message()).contains("expected type 'bool' but found 'double'");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void equalityOfADoubleWithAnIntLiteralExplainsTheFix() {
        PolicyError e = onlyError("features.account_age_s == 0 => review \"x\"");
        assertThat(e.message()).contains("'_==_' applied to '(double, int)'").contains("write 0 as 0.0");
    }

    @Test
    void unsignedLiteralsAreRefused() {
        PolicyError e = onlyError("rule u:\n  features.payer_count_1h > 30u\n  => review \"x\"");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(29);
        assertThat(e.message()).contains("unsigned literals");
        assertThat(compile("payment.currency == \"30u\" => review \"x\"").rules()).hasSize(1);
    }

    @Test
    void undeclaredIdentifierIsReported() {
        assertThat(onlyError("foo > 1 => review \"x\"").message()).contains("undeclared reference to 'foo'");
    }

    @Test
    void errorsInSeveralRulesAreAllReported() {
        assertThatThrownBy(() -> compile("""
                features.nope > 1 => review "a"
                features.payer_count_1h > 1 => review "ok"
                payment.amount == "1" => review "b"
                """))
                .isInstanceOfSatisfying(PolicyException.class, e -> {
                    assertThat(e.errors()).extracting(PolicyError::rule).containsExactly("a@1", "b@3");
                    assertThat(e.getMessage()).contains("1:1 rule a@1: unknown feature 'nope'");
                });
    }

    @Test
    void intAndDoubleCompare() {
        PolicySet p = compile("features.payer_count_1h > 30 && payment.amount < 100.5 => review \"mixed\"");
        assertThat(p.evaluate(TestPolicies.input(31, 0, 0, 0)).action()).isEqualTo(Action.REVIEW);
    }
}
