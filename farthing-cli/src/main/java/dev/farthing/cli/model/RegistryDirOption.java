package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --data-dir DIR}: the server's data directory; its model registry is DIR/risk/models. */
public final class RegistryDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data",
            description = "Server data directory (registry in DIR/risk/models). Default: ${DEFAULT-VALUE}.")
    private Path dir;

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
