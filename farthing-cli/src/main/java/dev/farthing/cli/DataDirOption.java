package dev.farthing.cli;

import dev.farthing.server.ApiKeys;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --data DIR} option every command shares, with the checks commands need before using it. */
public final class DataDirOption {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Data directory: journal, snapshots, index and API keys. Default: ${DEFAULT-VALUE}.")
    private Path dir;

    /** Absolute, so messages name a directory the user can find regardless of where they ran the command. */
    public Path dir() {
        return dir.toAbsolutePath().normalize();
    }

    /** The directory, or a clear error pointing at {@code farthing init} when it holds no API keys yet. */
    public Path requireInitialised() {
        Path d = dir();
        if (!ApiKeys.isInitialised(d)) {
            throw new CliException("no Farthing data directory at " + d
                    + " (create one with: farthing init --data " + d + ")");
        }
        return d;
    }

    /** The directory, or a clear error when it does not exist (commands that only read the ledger). */
    public Path requireExisting() {
        Path d = dir();
        if (!Files.isDirectory(d)) {
            throw new CliException("data directory " + d + " does not exist");
        }
        return d;
    }
}
