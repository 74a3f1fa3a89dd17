package dev.farthing.simulator;

import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTest {
    static long seed;
    static Simulation sim;

    @BeforeAll
    static void simulate() {
        seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        sim = Simulator.run(SimulationConfig.of(seed, 1500));
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        SimulationConfig config = new SimulationConfig(seed, 200, SimulationConfig.DEFAULT_START, Duration.ofHours(6), "USD", 4, 1, Duration.ZERO);
        List<String> a = Simulator.run(config).records().stream().map(PaymentDataset::toLine).toList();
        List<String> b = Simulator.run(config).records().stream().map(PaymentDataset::toLine).toList();
        assertThat(a).isNotEmpty().isEqualTo(b);
        List<String> other = Simulator.run(new SimulationConfig(seed + 1, 200, SimulationConfig.DEFAULT_START,
                Duration.ofHours(6), "USD", 4, 1, Duration.ZERO)).records().stream().map(PaymentDataset::toLine).toList();
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void recordsAreOrderedInsideTheWindowAndConsistentlyLabelled() {
        long previous = Long.MIN_VALUE;
        Set<String> ids = new HashSet<>();
        for (PaymentRecord r : sim.records()) {
            assertThat(r.atNanos()).isGreaterThanOrEqualTo(previous)
                    .isBetween(sim.config().warmupStartNanos(), sim.config().endNanos() - 1);
            if (r.fraud()) {
                assertThat(r.atNanos()).as("attacks only inside the window, never in the warm-up").isGreaterThanOrEqualTo(sim.config().startNanos());
            }
            previous = r.atNanos();
            assertThat(ids.add(r.payment().id())).as("unique id %s", r.payment().id()).isTrue();
            assertThat(r.label() == Label.FRAUD).isEqualTo(!r.scenario().equals(PaymentRecord.LEGIT));
            assertThat(r.campaign() != null).isEqualTo(r.fraud());
            if (r.campaign() != null) {
                assertThat(r.campaign()).startsWith(r.scenario() + "-");
            }
            assertThat(r.payment().amount()).isPositive();
        }
    }

    @Test
    void everyAttackPatternRunsAtLeastOneCampaign() {
        for (String scenario : PaymentRecord.SCENARIOS) {
            assertThat(sim.count(scenario)).as(scenario).isPositive();
        }
        long attacks = sim.records().stream().filter(PaymentRecord::fraud).count();
        assertThat((double) attacks / sim.records().size()).isBetween(0.005, 0.4);
    }

    @Test
    void attackParametersDifferBetweenSeeds() {
        Map<String, Long> a = campaignSizes(sim);
        Map<String, Long> b = campaignSizes(Simulator.run(SimulationConfig.of(seed ^ 0x5DEECE66DL, 1500)));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void sharedNetworksAndDevicesAreNormalForPeople() {
        List<PaymentRecord> legit = sim.records().stream().filter(r -> !r.fraud()).toList();
        int maxAccountsPerIp = maxDistinct(legit, r -> r.payment().context().ip());
        int maxAccountsPerDevice = maxDistinct(legit, r -> r.payment().context().deviceId());
        int maxAccountsPerCard = maxDistinct(legit, r -> r.payment().context().instrumentId());
        assertThat(maxAccountsPerIp).as("carrier NAT shares an address among many people").isGreaterThanOrEqualTo(10);
        assertThat(maxAccountsPerDevice).as("a family tablet").isGreaterThanOrEqualTo(2);
        assertThat(maxAccountsPerCard).as("a family card").isGreaterThanOrEqualTo(2);
        long newAccounts = legit.stream().filter(r -> r.payment().context().accountCreatedAtNanos() >= sim.config().startNanos())
                .map(r -> r.payment().payer()).distinct().count();
        assertThat(newAccounts).as("people sign up during the day").isPositive();
    }

    @Test
    void peopleWatchingVideoPayAtMachineRegularIntervals() {
        // Per-minute billing is as regular as a bot: a naive "regular timing" rule flags these people.
        Map<String, List<Long>> byViewing = sim.records().stream().filter(r -> !r.fraud())
                .filter(r -> r.payment().payee().startsWith("chan-"))
                .collect(Collectors.groupingBy(r -> r.payment().payer() + "|" + r.payment().context().contentStartedAtNanos(),
                        Collectors.mapping(PaymentRecord::atNanos, Collectors.toList())));
        long regularLongViews = byViewing.values().stream().filter(times -> times.size() >= 20)
                .filter(times -> gapCv(times) < 0.05).count();
        assertThat(regularLongViews).isPositive();
    }

    @Test
    void aDayForThousandsOfPeopleTakesSeconds() {
        long t0 = System.nanoTime();
        Simulation day = Simulator.run(SimulationConfig.of(seed, 3000));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("3000 users, 24h: %d payments in %.2f s%n", day.records().size(), seconds);
        assertThat(day.records().size()).isGreaterThan(30_000);
        assertThat(seconds).isLessThan(20);
    }

    private static Map<String, Long> campaignSizes(Simulation s) {
        return s.records().stream().filter(PaymentRecord::fraud)
                .collect(Collectors.groupingBy(PaymentRecord::campaign, TreeMap::new, Collectors.counting()));
    }

    private static int maxDistinct(List<PaymentRecord> records, java.util.function.Function<PaymentRecord, String> key) {
        Map<String, Set<String>> accounts = new HashMap<>();
        for (PaymentRecord r : records) {
            String k = key.apply(r);
            if (k != null) {
                accounts.computeIfAbsent(k, x -> new HashSet<>()).add(r.payment().payer());
            }
        }
        return accounts.values().stream().mapToInt(Set::size).max().orElse(0);
    }

    private static double gapCv(List<Long> times) {
        List<Long> sorted = times.stream().sorted().toList();
        double[] gaps = new double[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            gaps[i - 1] = sorted.get(i) - sorted.get(i - 1);
        }
        double mean = java.util.Arrays.stream(gaps).average().orElse(0);
        double var = java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElse(0);
        return Math.sqrt(var) / mean;
    }
}
