package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * In-process search latency over OFAC 2024-05 + UN (about 16,000 entries, 40,000 names): one thread, after a
 * warm-up, timed in CPU time and wall clock, on a mix of perturbed listed names and ordinary names. Target p99 at most 1 ms.
 */
class ScreeningLatencyTest {
    @Test
    void p99WithinOneMillisecond() {
        Screener screener = new Screener(SharedLists.ofacAndUn());
        long seed = Long.getLong("farthing.seed", 4004);
        System.out.println("latency seed " + seed);
        List<ScreeningQuery> queries = new ArrayList<>();
        new PerturbedQueries(seed).generate(screener.snapshot().entries(), 1_000).forEach(c -> queries.add(
            new ScreeningQuery(c.query().name(), c.query().type(), c.query().birthDate(), c.query().country(), 10)));
        queries.addAll(new OrdinaryNames(seed).generate(1_000));
        java.util.Collections.shuffle(queries, new java.util.Random(seed));
        for (int round = 0; round < 2; round++) for (ScreeningQuery q : queries) screener.search(q); // warm-up
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Histogram wall = new Histogram(10_000_000, 3);
        Histogram cpu = new Histogram(10_000_000, 3);
        for (int round = 0; round < 3; round++) {
            for (ScreeningQuery q : queries) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                screener.search(q);
                wall.recordValue(Math.max(1, (System.nanoTime() - t) / 1_000));
                cpu.recordValue(Math.max(1, (threads.getCurrentThreadCpuTime() - c) / 1_000));
            }
        }
        System.out.printf("in-process search over %d entries, %d searches: CPU time p50 %d us, p99 %d us, p99.9 %d us;"
                + " wall clock p50 %d us, p99 %d us (load average %.1f on %d cores)%n",
            screener.index().entryCount(), cpu.getTotalCount(), cpu.getValueAtPercentile(50), cpu.getValueAtPercentile(99),
            cpu.getValueAtPercentile(99.9), wall.getValueAtPercentile(50), wall.getValueAtPercentile(99),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        assertThat(screener.index().entryCount()).isGreaterThanOrEqualTo(15_000);
        // CPU time per search is what the code costs; wall clock on a shared machine adds waiting for a core
        // (with 9 runnable threads per core, a whole scheduler slice), so it is printed, and asserted only when asked.
        assertThat(cpu.getValueAtPercentile(99)).as("p99 CPU microseconds").isLessThanOrEqualTo(1_000);
        if (Boolean.getBoolean("farthing.screening.full")) {
            assertThat(wall.getValueAtPercentile(99)).as("p99 wall-clock microseconds").isLessThanOrEqualTo(1_000);
        }
    }
}
