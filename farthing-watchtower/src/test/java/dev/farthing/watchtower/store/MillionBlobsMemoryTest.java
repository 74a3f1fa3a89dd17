package dev.farthing.watchtower.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@link MillionBlobs} in a child JVM capped at 1 GB of heap. Opt-in, as it writes ~180 MB and takes
 * about a minute: {@code -Dfarthing.tower.million=true} (and {@code -Dfarthing.tower.blobs=N} to change N).
 */
class MillionBlobsMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aMillionBlobsFitInOneGigabyteOfHeap() throws Exception {
        assumeTrue(Boolean.getBoolean("farthing.tower.million"),
                "1M-blob memory benchmark is opt-in: -Dfarthing.tower.million=true");
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        String blobs = System.getProperty("farthing.tower.blobs", "1000000");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx1g", "-cp", /* tests run on the module path; the child runs all of it on the class path */ String.join(System.getProperty("path.separator"), "target/test-classes", System.getProperty("java.class.path"), System.getProperty("jdk.module.path", "")),
                MillionBlobs.class.getName(), dir.toString(), blobs, Long.toString(seed)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        System.out.println(out);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("after reopening").doesNotContain("OutOfMemoryError");
    }
}
