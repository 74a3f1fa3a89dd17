package dev.farthing.cli.privacy;

import dev.farthing.customers.vault.IpTokens;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.decide.Decider;
import dev.farthing.risk.decide.Decision;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.risk.PaymentPseudonyms;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.eval.DetectionHarness;
import dev.farthing.simulator.eval.Pipeline;
import dev.farthing.simulator.eval.QualityReport;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection quality before and after pseudonymisation: the simulator's traffic (evaluation seeds, family mix)
 * decided by the shipped model and policy on raw signals and on the same traffic with device ids, IPs, sessions
 * and instruments replaced by the server's tokens. Tokens preserve equality, so features are the same except where
 * a sketch hashes the value (approximate distinct counts): a handful of scores move slightly, quality does not.
 * The default run is small (one seed, 80 users); {@code -Dfarthing.pseudonymQuality=true} runs seeds 105 and 109
 * with 400 users each (about 3 minutes).
 */
class PseudonymisedDetectionTest {
    private static final boolean FULL = Boolean.getBoolean("farthing.pseudonymQuality");
    private static final long[] SEEDS = FULL ? new long[] {105, 109} : new long[] {105};
    private static final int USERS = FULL ? 400 : 80;

    @Test
    void detectionQualityIsUnchangedByPseudonymisation() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Pseudonyms ps = new Pseudonyms(key);
        PaymentGate tokens = new PaymentGate() {
            @Override
            public Ticket admit(String k, String debitAccount, String currency, long amount) {
                return Ticket.FREE;
            }

            @Override
            public void settle(Ticket ticket, boolean moved) {
            }

            @Override
            public String pseudonym(String kind, String value) {
                return value == null ? null : "ip".equals(kind) ? IpTokens.token(ps, value) : ps.token(kind, value);
            }
        };
        Optional<RiskModel> model = Pipeline.model(null);
        PolicySet policy = Pipeline.policy(null);
        for (long seed : SEEDS) {
            Simulation sim = Family.MIX.run(SimulationConfig.of(seed, USERS));
            List<PaymentRecord> raw = sim.records();
            List<PaymentRecord> tokenised = new ArrayList<>(raw.size());
            for (PaymentRecord r : raw) {
                tokenised.add(new PaymentRecord(r.atNanos(), PaymentPseudonyms.pseudonymise(r.payment(), tokens),
                        r.label(), r.scenario(), r.campaign()));
            }
            Decider a = Pipeline.decider(model, policy);
            Decider b = Pipeline.decider(model, policy);
            int differing = 0;
            for (int i = 0; i < raw.size(); i++) {
                Decision da = a.decide(raw.get(i).payment(), raw.get(i).atNanos());
                Decision db = b.decide(tokenised.get(i).payment(), tokenised.get(i).atNanos());
                if (da.action() != db.action() || Double.compare(da.fraudScore(), db.fraudScore()) != 0) {
                    differing++;
                }
                boolean moved = da.action() == dev.farthing.risk.policy.Action.APPROVE;
                a.learn(raw.get(i).payment(), raw.get(i).atNanos(), moved);
                b.learn(tokenised.get(i).payment(), tokenised.get(i).atNanos(), moved);
            }
            QualityReport before = DetectionHarness.evaluate("seed " + seed + " raw", raw, Pipeline.decider(model, policy),
                    sim.config().startNanos());
            QualityReport after = DetectionHarness.evaluate("seed " + seed + " pseudonymised", tokenised,
                    Pipeline.decider(model, policy), sim.config().startNanos());
            System.out.printf("seed %d, %d users, %d payments: caught %.4f -> %.4f, legit friction-free %d/%d -> %d/%d, decisions differing %d%n",
                    seed, USERS, raw.size(), before.caughtOverall(), after.caughtOverall(),
                    before.legit().count(dev.farthing.risk.policy.Action.APPROVE), before.legit().total(),
                    after.legit().count(dev.farthing.risk.policy.Action.APPROVE), after.legit().total(), differing);
            assertThat(differing).as("seed " + seed + ": decisions differing").isLessThanOrEqualTo(raw.size() / 500);
            assertThat(after.caughtOverall()).isCloseTo(before.caughtOverall(), org.assertj.core.data.Offset.offset(0.005));
            assertThat((double) after.legit().count(dev.farthing.risk.policy.Action.APPROVE))
                    .isCloseTo(before.legit().count(dev.farthing.risk.policy.Action.APPROVE),
                            org.assertj.core.data.Offset.offset(before.legit().total() / 500.0 + 1));
        }
    }
}
