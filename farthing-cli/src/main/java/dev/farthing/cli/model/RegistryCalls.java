package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.model.ModelFormatException;
import dev.farthing.model.registry.ModelRegistry;
import dev.farthing.model.registry.ModelRegistryException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Registry operations shared by the commands, with registry errors turned into one-line CLI errors. */
final class RegistryCalls {

    interface Call<T> {
        T run() throws IOException;
    }

    private RegistryCalls() {
    }

    static <T> T run(Call<T> call) {
        try {
            return call.run();
        } catch (ModelRegistryException e) {
            throw new CliException(e.code() + ": " + e.getMessage(), e);
        } catch (ModelFormatException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException("model registry I/O failed: " + e.getMessage(), e);
        }
    }

    /** A version, or a path to a model bundle, which is registered first and whose version is returned. */
    static String versionOf(ModelRegistry registry, String versionOrFile) {
        Path file = Path.of(versionOrFile);
        if (versionOrFile.endsWith(".json") && Files.isRegularFile(file)) {
            return run(() -> registry.register(file));
        }
        return versionOrFile;
    }
}
