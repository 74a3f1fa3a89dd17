package dev.farthing.channels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An open channel costs at most 1 KiB of heap, so 1M open channels fit in 1 GiB. The default run measures
 * {@value #DEFAULT_N} channels in this JVM and extrapolates linearly (the service holds one slot, one channel
 * record and its terms and keys per open channel, and nothing per closed channel or per event beyond the
 * bounded caches, so cost is linear in open channels). The 1M run is opt-in:
 * {@code -Dfarthing.channels.million=true} runs it in a child JVM capped at 2 GiB (ledger included).
 */
class OpenChannelMemoryTest {
    static final int DEFAULT_N = 20_000;
    static final long BUDGET_PER_CHANNEL = 1024;
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    @TempDir
    Path dir;

    @Test
    void anOpenChannelCostsAtMostOneKibibyte() throws Exception {
        System.out.println("seed=" + SEED);
        int n = Integer.getInteger("farthing.channels.open", DEFAULT_N);
        long perChannel = OpenChannelsMemory.measure(dir, n, new Random(SEED));
        System.out.printf("%d open channels: %d bytes each; 1M would take %.0f MiB%n", n, perChannel,
                perChannel * 1_000_000 / 1048576.0);
        assertThat(perChannel).as("bytes of heap per open channel").isLessThanOrEqualTo(BUDGET_PER_CHANNEL);
    }

    @Test
    void aMillionOpenChannelsFitInOneGibibyte() throws Exception {
        assumeTrue(Boolean.getBoolean("farthing.channels.million"),
                "1M-channel memory benchmark is opt-in: -Dfarthing.channels.million=true");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx2g", "-ea", "-cp", /* tests run on the module path; the child runs all of it on the class path */ String.join(System.getProperty("path.separator"), "target/test-classes", System.getProperty("java.class.path"), System.getProperty("jdk.module.path", "")),
                OpenChannelsMemory.class.getName(), dir.toString(), "1000000", Long.toString(SEED)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        System.out.println(out);
        assertThat(p.waitFor()).as(out).isZero();
        long perChannel = Long.parseLong(out.substring(out.indexOf(OpenChannelsMemory.RESULT)
                + OpenChannelsMemory.RESULT.length()).lines().findFirst().orElseThrow().trim());
        assertThat(perChannel * 1_000_000).as("heap for 1M open channels").isLessThanOrEqualTo(1L << 30);
    }
}
