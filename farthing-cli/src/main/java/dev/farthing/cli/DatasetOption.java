package dev.farthing.cli;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --dataset FILE}: a dataset file (recorded or labelled traffic), the flag every command that reads one
 * shares. {@code --data} means a data directory everywhere; these commands once took the dataset as
 * {@code --data FILE}, which still works as a hidden alias when it names a file.
 */
public final class DatasetOption {

    @Option(names = "--dataset", paramLabel = "FILE", description = "Reads the dataset from this file.")
    private Path file;

    /** The older spelling: accepted when it names a file, so scripts written for it keep working. */
    @Option(names = "--data", paramLabel = "FILE", hidden = true)
    private void olderSpelling(Path legacy) {
        file = legacy;
    }

    /** The dataset file; a usage error when none was given, or when it is a directory. */
    public Path file() {
        if (file != null && Files.isDirectory(file)) {
            throw new CliException("--data is a data directory; name the dataset file with --dataset FILE (got the"
                    + " directory " + file.toAbsolutePath().normalize() + ")", ExitCodes.USAGE, null);
        }
        if (file == null) {
            throw new CliException("missing --dataset FILE: the dataset to read", ExitCodes.USAGE, null);
        }
        return file;
    }
}
