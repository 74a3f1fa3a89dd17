package dev.farthing.cli.privacy;

import dev.farthing.customers.vault.IpTokens;
import dev.farthing.customers.vault.Pseudonyms;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.decide.Decider;
import dev.farthing.risk.decide.Decision;
import dev.farthing.model.RiskModel;
import dev.farthing.risk.policy.Action;
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
 * The default run is small (one seed, 20 users, 4 hours, a quarter of the attacks); {@code -Dfarthing.pseudonymQuality=true} runs seeds 105 and 109
 * with 400 users each (about 3 minutes).
 */
class PseudonymisedDetectionTest {
    private static final boolean FULL = Boolean.getBoolean("farthing.pseudonymQuality");
    private static final long[] SEEDS = FULL ? new long[] {105, 109} : new long[] {105};
    private static final int USERS = FULL ? 400 : 20;

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
            SimulationConfig day = SimulationConfig.of(seed, USERS);
            Simulation sim = Family.MIX.run(FULL ? day : new SimulationConfig(seed, USERS, day.start(),
                    java.time.Duration.ofHours(4), day.currency(), day.scale(), 0.25, java.time.Duration.ofHours(1)));
            List<PaymentRecord> raw = sim.records();
            List<PaymentRecord> tokenised = new ArrayList<>(raw.size());
            for (PaymentRecord r : raw) {
                tokenised.add(new PaymentRecord(r.atNanos(), PaymentPseudonyms.pseudonymise(r.payment(), tokens),
                        r.label(), r.scenario(), r.campaign()));
            }
            Decider a = Pipeline.decider(model, policy);
            Decider b = Pipeline.decider(model, policy);
            int differing = 0;
            long[] caught = new long[2];
            long[] approved = new long[2];
            long fraud = 0, legit = 0;
            for (int i = 0; i < raw.size(); i++) {
                PaymentRecord r = raw.get(i);
                Decision da = a.decide(r.payment(), r.atNanos());
                Decision db = b.decide(tokenised.get(i).payment(), r.atNanos());
                if (da.action() != db.action() || Double.compare(da.fraudScore(), db.fraudScore()) != 0) {
                    differing++;
                }
                if (r.atNanos() >= sim.config().startNanos()) { // after the warm-up, as the harness counts
                    if (r.fraud()) {
                        fraud++;
                        caught[0] += da.action() != Action.APPROVE ? 1 : 0;
                        caught[1] += db.action() != Action.APPROVE ? 1 : 0;
                    } else {
                        legit++;
                        approved[0] += da.action() == Action.APPROVE ? 1 : 0;
                        approved[1] += db.action() == Action.APPROVE ? 1 : 0;
                    }
                }
                // both learn the same outcome, so any difference is the signals', not the feedback's
                boolean moved = da.action() == Action.APPROVE || (da.action() == Action.CHALLENGE && !r.fraud());
                a.learn(r.payment(), r.atNanos(), moved);
                b.learn(tokenised.get(i).payment(), r.atNanos(), moved);
            }
            System.out.printf("seed %d, %d users, %d payments: fraud not approved %d -> %d of %d, legit approved %d -> %d of %d, decisions differing %d%n",
                    seed, USERS, raw.size(), caught[0], caught[1], fraud, approved[0], approved[1], legit, differing);
            assertThat(differing).as("seed " + seed + ": decisions differing").isLessThanOrEqualTo(raw.size() / 100);
            assertThat((double) caught[1]).isCloseTo(caught[0], org.assertj.core.data.Offset.offset(fraud / 500.0 + 1));
            assertThat((double) approved[1]).isCloseTo(approved[0], org.assertj.core.data.Offset.offset(legit / 500.0 + 1));
            if (FULL) { // the harness's own report, as DETECTION.md quotes it
                QualityReport before = DetectionHarness.evaluate("seed " + seed + " raw", raw, Pipeline.decider(model, policy),
                        sim.config().startNanos());
                QualityReport after = DetectionHarness.evaluate("seed " + seed + " pseudonymised", tokenised,
                        Pipeline.decider(model, policy), sim.config().startNanos());
                System.out.printf("seed %d harness: caught %.4f -> %.4f, legit friction-free %d/%d -> %d/%d%n", seed,
                        before.caughtOverall(), after.caughtOverall(), before.legit().count(Action.APPROVE),
                        before.legit().total(), after.legit().count(Action.APPROVE), after.legit().total());
                assertThat(after.caughtOverall()).isCloseTo(before.caughtOverall(), org.assertj.core.data.Offset.offset(0.005));
            }
        }
    }
}
