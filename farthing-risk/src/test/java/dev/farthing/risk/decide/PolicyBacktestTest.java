package dev.farthing.risk.decide;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.policy.Action;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicySet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.farthing.risk.decide.DeciderTest.pay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PolicyBacktestTest {
    // Baseline: challenge from a payer's 3rd payment (count >= 2 before it). Candidate: review from the 3rd,
    // decline from the 4th, and decline any amount >= 1000 (a hard rule: it reads only the request).
    private static final PolicySet BASELINE = compile("policy base\n"
            + "features.payer_count >= 2 => challenge \"busy_payer\"");
    private static final PolicySet CANDIDATE = compile("""
            policy cand
            features.payer_count >= 2 => review "busy_payer"
            features.payer_count >= 3 => decline "very_busy_payer"
            payment.amount >= 1000 => decline "large_amount"
            """);

    private static PolicySet compile(String source) {
        return PolicyCompiler.compile(source, PayerCountingEngine.SCHEMA);
    }

    private static PaymentRecord fraud(long at, String id, String payer, long amount) {
        return new PaymentRecord(at, pay(id, payer, amount), Label.FRAUD, "bot", "bot-1");
    }

    private static PaymentRecord legit(long at, String id, String payer, long amount) {
        return new PaymentRecord(at, pay(id, payer, amount), Label.LEGIT, "legit", null);
    }

    /** 4 bot payments by "bot", 3 legit by alice (one large): hand-computed decisions below. */
    private static List<PaymentRecord> dataset() {
        return List.of(
                fraud(1, "b1", "bot", 10),     // count 0: base approve, cand approve
                legit(2, "a1", "alice", 10),   // count 0: approve, approve
                fraud(3, "b2", "bot", 10),     // count 1: approve, approve
                fraud(4, "b3", "bot", 10),     // count 2: challenge, review
                legit(5, "a2", "alice", 1500), // count 1: approve, decline (large)
                fraud(6, "b4", "bot", 10),     // count 3: challenge, decline
                legit(7, "a3", "alice", 10));  // count 2: challenge, review
    }

    @Test
    void countsTransitionsScenariosAndChangedPayments() {
        PayerCountingEngine engine = new PayerCountingEngine();
        BacktestReport r = new PolicyBacktest(engine, Optional.empty(), BASELINE, CANDIDATE, 2)
                .run(dataset().stream());

        assertThat(r.total()).isEqualTo(7);
        assertThat(r.baseline().get(Action.APPROVE)).isEqualTo(4);
        assertThat(r.baseline().get(Action.CHALLENGE)).isEqualTo(3);
        assertThat(r.candidate().get(Action.APPROVE)).isEqualTo(3);
        assertThat(r.candidate().get(Action.REVIEW)).isEqualTo(2);
        assertThat(r.candidate().get(Action.DECLINE)).isEqualTo(2);
        assertThat(r.transitions(Action.APPROVE, Action.APPROVE)).isEqualTo(3);
        assertThat(r.transitions(Action.APPROVE, Action.DECLINE)).isEqualTo(1);
        assertThat(r.transitions(Action.CHALLENGE, Action.REVIEW)).isEqualTo(2);
        assertThat(r.transitions(Action.CHALLENGE, Action.DECLINE)).isEqualTo(1);
        assertThat(r.transitions(Action.CHALLENGE, Action.CHALLENGE)).isZero();

        ScenarioOutcome bot = r.scenarios().get("bot");
        assertThat(bot.fraud()).isTrue();
        assertThat(bot.baseline().caughtRate()).isCloseTo(0.5, within(1e-12));
        assertThat(bot.candidate().caughtRate()).isCloseTo(0.5, within(1e-12));
        assertThat(bot.candidate().declineRate()).isCloseTo(0.25, within(1e-12));
        ScenarioOutcome legit = r.scenarios().get("legit");
        assertThat(legit.fraud()).isFalse();
        assertThat(legit.baseline().declineRate()).isZero();
        assertThat(legit.candidate().declineRate()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(legit.candidate().frictionRate()).isCloseTo(1 / 3.0, within(1e-12));

        assertThat(r.candidateReasons().get("busy_payer")).isEqualTo(new BacktestReport.ReasonHits(2, 1));
        assertThat(r.candidateReasons().get("very_busy_payer")).isEqualTo(new BacktestReport.ReasonHits(1, 0));
        assertThat(r.candidateReasons().get("large_amount")).isEqualTo(new BacktestReport.ReasonHits(0, 1));
        assertThat(r.changedTotal()).isEqualTo(4);
        assertThat(r.changed()).extracting(ChangedPayment::paymentId).containsExactly("b3", "a2");
        assertThat(r.changed().get(1).candidate().reasons().getFirst().code()).isEqualTo("large_amount");
        assertThat(r.changed().get(1).baseline().action()).isEqualTo(Action.APPROVE);
        assertThat(engine.recorded).isEqualTo(7);
        assertThat(engine.allMoved).isTrue();
        assertThat(r.baselineVersion()).startsWith("base-");
        assertThat(r.candidateVersion()).startsWith("cand-");
    }

    @Test
    void samePolicyOnBothSidesChangesNothing() {
        BacktestReport r = new PolicyBacktest(new PayerCountingEngine(), Optional.empty(), CANDIDATE, CANDIDATE, 10)
                .run(dataset().stream());
        assertThat(r.changedTotal()).isZero();
        for (Action a : Action.values()) {
            for (Action b : Action.values()) {
                assertThat(r.transitions(a, b)).isEqualTo(a == b ? r.candidate().get(a) : 0);
            }
        }
    }

    @Test
    void recordsOutOfTimeOrderAreRefused() {
        var records = Stream.of(legit(5, "a1", "alice", 1), legit(4, "a2", "alice", 1));
        assertThatThrownBy(() -> new PolicyBacktest(new PayerCountingEngine(), Optional.empty(), BASELINE,
                CANDIDATE, 1).run(records)).hasMessageContaining("record 2 (a2)");
    }
}
