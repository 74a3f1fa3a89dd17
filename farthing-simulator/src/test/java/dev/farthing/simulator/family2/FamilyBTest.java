package dev.farthing.simulator.family2;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.risk.dataset.PaymentRecordJson;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Family B produces what the issue asks of a second, different traffic family, reproducibly from its seed. */
class FamilyBTest {
    private static final long SEED = Long.getLong("farthing.seed", new Random().nextLong());

    private static Simulation run(long seed, int users) {
        System.out.println("family B seed=" + seed);
        return FamilyB.run(SimulationConfig.of(seed, users));
    }

    @Test
    void theSameSeedGivesTheSameTrafficAndSeedsDrawDifferentWorlds() {
        Simulation one = run(SEED, 300);
        Simulation two = run(SEED, 300);
        assertThat(wire(two)).isEqualTo(wire(one));
        assertThat(two.cohorts()).isEqualTo(one.cohorts());
        Set<Knobs> worlds = new HashSet<>();
        SplittableRandom r = new SplittableRandom(SEED);
        for (int i = 0; i < 5; i++) {
            worlds.add(Knobs.draw(r.split()));
        }
        assertThat(worlds).hasSize(5);
    }

    private static List<String> wire(Simulation sim) {
        return sim.records().stream().map(r -> r.atNanos() + " " + r.scenario() + " " + r.campaign() + " "
                + PaymentRecordJson.write(r.payment())).toList();
    }

    @Test
    void everyAttackScenarioAppearsLabelledWithItsCampaign() {
        Simulation sim = run(SEED, 800);
        for (String scenario : PaymentRecord.SCENARIOS) {
            assertThat(sim.count(scenario)).as(scenario).isPositive();
        }
        for (PaymentRecord r : sim.records()) {
            assertThat(r.fraud()).isEqualTo(!r.scenario().equals(PaymentRecord.LEGIT));
            if (r.fraud()) {
                assertThat(r.campaign()).startsWith(r.scenario() + "-b");
            }
            assertThat(r.payment().id()).startsWith("b");
        }
    }

    @Test
    void clientsAndAddressesAreAsVariedAsRealOnes() {
        Simulation sim = run(SEED, 1500);
        long start = sim.config().startNanos();
        int telemetry = 0;
        int minimal = 0;
        int appLike = 0;
        Map<String, Set<String>> accountsByIp = new HashMap<>();
        Set<String> kinds = new HashSet<>();
        for (PaymentRecord r : sim.records()) {
            PaymentContext c = r.payment().context();
            if (c.telemetry() != null) {
                telemetry++;
            } else if (c.country() == null && c.userAgent() == null && c.sessionId() == null) {
                minimal++;
            } else {
                appLike++;
            }
            String ip = c.ip();
            kinds.add(ip.contains(":") ? "ipv6" : ip.startsWith("100.") ? "carrier" : ip.startsWith("10.") || ip.startsWith("192.168.") ? "lan" : "v4");
            if (!r.fraud()) {
                accountsByIp.computeIfAbsent(ip, k -> new HashSet<>()).add(r.payment().payer());
            }
        }
        assertThat(telemetry).isPositive();
        assertThat(minimal).isPositive();
        assertThat(appLike).isPositive();
        assertThat(kinds).containsExactlyInAnyOrder("ipv6", "carrier", "lan", "v4");
        assertThat(accountsByIp.values().stream().mapToInt(Set::size).max().orElse(0)).as("people behind one address")
                .isGreaterThanOrEqualTo(50);
        Map<String, Long> firstPaidAt = new HashMap<>();
        for (PaymentRecord r : sim.records()) {
            firstPaidAt.putIfAbsent(r.payment().payee(), r.atNanos());
        }
        assertThat(firstPaidAt.values().stream().filter(t -> t > start + 3_600_000_000_000L).count())
                .as("creators whose first payment comes during the window").isPositive();
        assertThat(sim.records().stream().filter(r -> !r.fraud() && r.payment().context().accountCreatedAtNanos() >= start)
                .map(r -> r.payment().payer()).distinct().count()).as("first-time users").isGreaterThan(20);
    }

    @Test
    void viralBurstsAreHundredsOfNewLegitimateFansOfOneCreator() {
        Simulation sim = run(SEED, 800);
        assertThat(sim.cohorts()).isNotEmpty();
        Map<String, Set<String>> fans = new HashMap<>();
        Map<String, Set<String>> payees = new HashMap<>();
        for (PaymentRecord r : sim.records()) {
            String cohort = sim.cohorts().get(r.payment().id());
            if (cohort != null) {
                assertThat(r.fraud()).isFalse();
                fans.computeIfAbsent(cohort, k -> new HashSet<>()).add(r.payment().payer());
                payees.computeIfAbsent(cohort, k -> new HashSet<>()).add(r.payment().payee());
            }
        }
        fans.forEach((cohort, set) -> assertThat(set).as(cohort).hasSizeGreaterThanOrEqualTo(150));
        payees.forEach((cohort, set) -> assertThat(set).as(cohort).hasSize(1));
    }

    @Test
    void theMixHoldsBothFamilies() {
        Simulation mix = Family.MIX.run(SimulationConfig.of(SEED, 400));
        List<String> ids = mix.records().stream().map(r -> r.payment().id().substring(0, 1)).distinct().sorted().toList();
        assertThat(ids).containsExactly("b", "p");
        assertThat(mix.records()).isSortedAccordingTo((x, y) -> Long.compare(x.atNanos(), y.atNanos()));
    }
}
