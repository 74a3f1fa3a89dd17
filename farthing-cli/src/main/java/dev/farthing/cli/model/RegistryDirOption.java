package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --data DIR}: the server's data directory (the same flag as every other command's); its model registry is
 * DIR/risk/models. {@code --data-dir} is the older spelling, kept as a hidden alias.
 */
public final class RegistryDirOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Uses the server data directory DIR (registry in DIR/risk/models). Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--data-dir", paramLabel = "DIR", hidden = true)
    private void olderSpelling(Path legacy) {
        dir = legacy;
    }

    Path registryDir() {
        return dir.toAbsolutePath().normalize().resolve("risk").resolve("models");
    }

    ModelRegistry open() {
        try {
            return new ModelRegistry(registryDir());
        } catch (IOException e) {
            throw new CliException("cannot open the model registry in " + registryDir() + ": " + e.getMessage(), e);
        }
    }
}
