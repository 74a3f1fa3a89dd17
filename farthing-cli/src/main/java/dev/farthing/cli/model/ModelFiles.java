package dev.farthing.cli.model;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.model.ModelFormatException;
import dev.farthing.model.RiskModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a model bundle with errors a user can act on. */
final class ModelFiles {

    private ModelFiles() {
    }

    static RiskModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("no model file at " + file.toAbsolutePath(), ExitCodes.USAGE, null);
        }
        try {
            return RiskModel.load(file);
        } catch (ModelFormatException e) {
            throw new CliException(e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
