package dev.farthing.customers.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivacyBudgetTest {
    @TempDir
    Path dir;

    @Test
    void concurrentDebitsNeverSpendMoreThanTheBudgetAndSurviveARestart() throws Exception {
        int threads = 32;
        int perThread = 20;
        long debit = 300_000; // 0.3 of a budget of 10: exactly 33 fit
        AtomicInteger granted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (PrivacyBudget budget = PrivacyBudget.open(dir, 10 * Epsilon.MICROS, false)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String analyst = t % 2 == 0 ? "key-even" : "key-odd";
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            long left = budget.debit(analyst, debit, "count by day", i);
                            assertThat(left).isNotNegative();
                            granted.incrementAndGet();
                        } catch (PrivacyBudget.Exhausted e) {
                            assertThat(e.remainingMicros()).isBetween(0L, debit - 1);
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertThat(granted.get()).isEqualTo(2 * 33);
            assertThat(refused.get()).isEqualTo(threads * perThread - 2 * 33);
            assertThat(budget.spentMicros("key-even")).isEqualTo(33 * debit);
            assertThat(budget.remainingMicros("key-odd")).isEqualTo(100_000);
        }
        try (PrivacyBudget reopened = PrivacyBudget.open(dir, 10 * Epsilon.MICROS, false)) {
            assertThat(reopened.spentMicros("key-even")).isEqualTo(33 * debit);
            assertThat(reopened.remainingMicros("key-odd")).isEqualTo(100_000);
            assertThat(reopened.remainingMicros("someone-else")).isEqualTo(10 * Epsilon.MICROS);
            assertThatThrownBy(() -> reopened.debit("key-odd", 100_001, "sum by creator", 0))
                    .isInstanceOf(PrivacyBudget.Exhausted.class).hasMessageContaining("0.1 of the privacy budget left");
            assertThat(reopened.debit("key-odd", 100_000, "sum by creator", 0)).isZero();
        }
    }

    @Test
    void epsilonIsExactMicroUnits() {
        assertThat(Epsilon.micros(new java.math.BigDecimal("0.5"))).isEqualTo(500_000);
        assertThat(Epsilon.micros(new java.math.BigDecimal("1E-6"))).isEqualTo(1);
        assertThatThrownBy(() -> Epsilon.micros(new java.math.BigDecimal("0.0000001"))).hasMessageContaining("six decimals");
        assertThatThrownBy(() -> Epsilon.micros(new java.math.BigDecimal("-1"))).hasMessageContaining("positive");
        assertThat(Epsilon.format(2_500_000)).isEqualTo("2.5");
    }
}
