package dev.farthing.compliance.screening;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The shared OFAC and UN lists (../shared/data/sanctions); tests that need them skip, saying so, when absent. */
final class SharedLists {
    private static ListSnapshot both;

    private SharedLists() {}

    static Path sanctionsDir() {
        Path shared = Path.of(System.getProperty("farthing.shared.dir", "../shared"));
        Path dir = shared.resolve("data/sanctions");
        assumeTrue(Files.isDirectory(dir.resolve("ofac-2024-05")) && Files.isRegularFile(dir.resolve("un/UN_consolidated.xml")),
            "shared sanctions lists not found at " + dir.toAbsolutePath() + " (../shared/data/sanctions); skipping");
        return dir;
    }

    static Path ofac2024() { return sanctionsDir().resolve("ofac-2024-05"); }

    static Path ofac2021() { return sanctionsDir().resolve("ofac-2021-07"); }

    static Path un() { return sanctionsDir().resolve("un/UN_consolidated.xml"); }

    /** OFAC 2024-05 and UN, loaded once per test JVM. */
    static synchronized ListSnapshot ofacAndUn() {
        if (both == null) {
            both = new ListSnapshot("test-ofac-2024-05+un", "not-hashed", Instant.EPOCH,
                List.of(OfacLoader.load(ofac2024()), UnLoader.load(un())));
        }
        return both;
    }
}
