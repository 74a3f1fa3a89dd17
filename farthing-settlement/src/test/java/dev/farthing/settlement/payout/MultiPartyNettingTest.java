package dev.farthing.settlement.payout;

import dev.farthing.settlement.payout.MultiPartyNetting.Obligation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MultiPartyNettingTest {

    @Test
    void grossObligationsNetIntoPositionsAndFewerTransfersThatMoveExactlyThem() {
        var report = MultiPartyNetting.net(List.of(new Obligation("a", "b", "EUR", 100), new Obligation("b", "a", "EUR", 70),
                new Obligation("b", "c", "EUR", 50), new Obligation("c", "a", "EUR", 20), new Obligation("a", "b", "USD", 5)));
        assertThat(report.net().get("EUR")).containsEntry("a", -10L).containsEntry("b", -20L).containsEntry("c", 30L);
        assertThat(report.settlements()).containsExactlyInAnyOrder(new Obligation("b", "c", "EUR", 20),
                new Obligation("a", "c", "EUR", 10), new Obligation("a", "b", "USD", 5));
        assertThat(report.saved("EUR")).isEqualTo(240 - 30);
    }

    @Test
    void randomObligationsSettleToTheirNetPositionsWithAtMostOneTransferLessThanParties() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("MultiPartyNettingTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int parties = 2 + random.nextInt(8);
            List<Obligation> list = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int from = random.nextInt(parties);
                int to = (from + 1 + random.nextInt(parties - 1)) % parties;
                list.add(new Obligation("p" + from, "p" + to, "EUR", 1 + random.nextInt(1_000_000)));
            }
            var report = MultiPartyNetting.net(list);
            Map<String, Long> settled = new HashMap<>();
            for (Obligation s : report.settlements()) {
                settled.merge(s.from(), -s.amount(), Long::sum);
                settled.merge(s.to(), s.amount(), Long::sum);
            }
            Map<String, Long> expected = new HashMap<>(report.net().get("EUR"));
            expected.values().removeIf(v -> v == 0);
            assertThat(settled).as("seed %d", seed).isEqualTo(expected);
            assertThat(report.settlements().size()).isLessThan(parties);
        }
    }
}
