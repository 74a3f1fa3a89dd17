package dev.farthing.settlement.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final Router router = new Router(RoutingPolicy.DEFAULT, List.of("a", "b"), now::get);

    @Test
    void learnsTheCheaperProviderPerAmountAndSaysWhy() {
        for (int i = 0; i < 30; i++) {
            long amount = 100 + i * 1_000L;
            router.answered("a", "EUR", "DE", "accepted", 10);
            router.paid("a", "EUR", "DE", amount, 50 + amount / 1_000); // high fixed fee, low rate
            router.answered("b", "EUR", "DE", "accepted", 10);
            router.paid("b", "EUR", "DE", amount, 5 + amount / 100);     // low fixed fee, high rate
        }
        assertThat(router.choose("EUR", "DE", 500, Set.of()).provider()).isEqualTo("b");
        RouteChoice large = router.choose("EUR", "DE", 100_000, Set.of());
        assertThat(large.provider()).isEqualTo("a");
        assertThat(large.reason()).contains("lowest expected cost for EUR/DE", "a ", "b ", "p_ok");
        assertThat(router.choose("EUR", "DE", 100_000, Set.of("a")).provider()).isEqualTo("b");
    }

    @Test
    void aBreakerOpensAfterFailuresInARowAndLetsOneProbeThroughAfterItsCoolDown() {
        for (int i = 0; i < 5; i++) router.answered("a", "EUR", "DE", "refused", 5);
        assertThat(router.breakerStates()).containsEntry("a", "open");
        RouteChoice c = router.choose("EUR", "DE", 1_000, Set.of());
        assertThat(c.provider()).isEqualTo("b");
        assertThat(c.reason()).contains("skipped a (breaker open)");
        assertThat(router.choose("EUR", "DE", 1_000, Set.of("b")).found()).isFalse();
        now.addAndGet(RoutingPolicy.DEFAULT.breakerOpenNanos());
        assertThat(router.choose("EUR", "DE", 1_000, Set.of("b")).provider()).as("the probe").isEqualTo("a");
        assertThat(router.choose("EUR", "DE", 1_000, Set.of("b")).found()).as("one probe at a time").isFalse();
        router.paid("a", "EUR", "DE", 1_000, 10);
        assertThat(router.breakerStates()).containsEntry("a", "closed");
    }
}
