package dev.farthing.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher runs the product with assertions on for our packages, as every test JVM does. */
class LauncherTest {

    @Test
    void theLauncherEnablesAssertionsForFarthingPackages() throws Exception {
        Path script = Path.of("..", "farthing");
        List<String> execs = Files.readAllLines(script).stream()
                .filter(l -> l.strip().startsWith("exec ") && l.contains("bin/java")).toList();
        assertThat(execs).as("java command lines in " + script).isNotEmpty();
        assertThat(execs).allSatisfy(l -> assertThat(l).contains(" -ea:dev.farthing... "));
    }

    @Test
    void assertionsAreOnInThisJvm() {
        boolean on = false;
        assert on = true;
        assertThat(on).as("tests run with -ea").isTrue();
    }
}
