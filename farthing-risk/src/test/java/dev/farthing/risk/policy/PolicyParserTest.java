package dev.farthing.risk.policy;

import org.junit.jupiter.api.Test;

import static dev.farthing.risk.policy.TestPolicies.compile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyParserTest {

    @Test
    void theIssueExampleIsAOneLineRule() {
        PolicySet p = compile("features.payer_gap_cv_1h < 0.05 && features.payer_count_1h > 30"
                + " => decline \"bot_regular_timing\"");
        assertThat(p.rules()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("bot_regular_timing@1");
            assertThat(r.action()).isEqualTo(Action.DECLINE);
            assertThat(r.code()).isEqualTo("bot_regular_timing");
            assertThat(r.detail()).isEmpty();
            assertThat(r.condition()).isEqualTo("features.payer_gap_cv_1h < 0.05 && features.payer_count_1h > 30");
        });
        assertThat(p.name()).isEqualTo("unnamed");
    }

    @Test
    void namedMultiLineRulesWithCommentsDetailsAndHeader() {
        String source = """
                # header comment
                policy night_shift

                rule bots:
                    features.payer_gap_cv_1h < 0.05
                    # a comment inside the condition
                    && features.payer_count_1h > 30
                  => decline "bot_regular_timing" "machine-regular \\"gaps\\"" # trailing comment
                rule farms: features.device_accounts_24h >= 5 => review "account_farm"
                payment.country == "=>" => challenge "odd_country"
                """;
        PolicySet p = compile(source);
        assertThat(p.name()).isEqualTo("night_shift");
        assertThat(p.version()).matches("night_shift-[0-9a-f]{12}");
        assertThat(p.rules()).extracting(PolicyRule::name).containsExactly("bots", "farms", "odd_country@10");
        assertThat(p.rules().get(0).line()).isEqualTo(4);
        assertThat(p.rules().get(0).detail()).isEqualTo("machine-regular \"gaps\"");
        assertThat(p.rules().get(1).action()).isEqualTo(Action.REVIEW);
        assertThat(p.rules().get(2).condition()).isEqualTo("payment.country == \"=>\"");
        assertThat(p.source()).isEqualTo(source);
    }

    @Test
    void versionIsAContentHash() {
        String a = "policy x\nscore.fraud > 0.9 => decline \"high\"\n";
        assertThat(compile(a).version()).isEqualTo(compile(a).version());
        assertThat(compile(a).version()).isNotEqualTo(compile(a.replace("0.9", "0.8")).version());
    }

    @Test
    void anEmptyPolicyApprovesEverything() {
        PolicySet p = compile("# nothing yet\n");
        assertThat(p.evaluate(TestPolicies.input(1, 1, 1, 1)).action()).isEqualTo(Action.APPROVE);
    }

    @Test
    void fileSyntaxErrorsAreAllReportedWithPositions() {
        String source = """
                score.fraud > 0.9 => block "x"
                score.fraud > 0.9 => decline high
                score.fraud > 0.9 => decline "High"
                score.fraud > 0.9 => decline "ok" "detail" extra
                rule dup: score.fraud > 0.1 => review "a"
                rule dup: score.fraud > 0.2 => review "b"
                => review "no_condition"
                policy late
                rule Bad: score.fraud > 0.3 => review "c"
                """;
        assertThatThrownBy(() -> compile(source)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.errors()).extracting(PolicyError::line).containsExactly(1, 2, 3, 4, 6, 7, 8, 9);
            assertThat(e.errors().get(0).column()).isEqualTo(22);
            assertThat(e.errors().get(0).message()).contains("expected an action");
            assertThat(e.errors().get(1).message()).contains("quoted reason code");
            assertThat(e.errors().get(2).message()).contains("snake_case");
            assertThat(e.errors().get(3).message()).contains("unexpected text");
            assertThat(e.errors().get(4).message()).contains("duplicate rule name 'dup'");
            assertThat(e.errors().get(5).message()).contains("no condition");
            assertThat(e.errors().get(6).message()).contains("before any rule");
            assertThat(e.errors().get(7).message()).contains("rule name 'Bad'");
            assertThat(e.code()).isEqualTo("invalid_policy");
        });
    }

    @Test
    void aRuleWithoutArrowIsReportedAtItsStart() {
        assertThatThrownBy(() -> compile("\nrule a:\n  score.fraud > 0.9\nrule b: score.fraud > 0.1 => review \"b\"\n"))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> {
                            assertThat(err.rule()).isEqualTo("a");
                            assertThat(err.line()).isEqualTo(2);
                            assertThat(err.message()).contains("never ends");
                        }));
        assertThatThrownBy(() -> compile("score.fraud > 0.9\n  && score.fraud < 1\n"))
                .isInstanceOfSatisfying(PolicyException.class, e -> assertThat(e.errors().getFirst().message())
                        .contains("never ends"));
    }
}
