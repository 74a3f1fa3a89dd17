package dev.farthing.cli.policy;

import dev.farthing.cli.CliException;
import dev.farthing.risk.features.DefaultFeatureEngine;
import dev.farthing.risk.policy.PolicyCompiler;
import dev.farthing.risk.policy.PolicyError;
import dev.farthing.risk.policy.PolicyException;
import dev.farthing.risk.policy.PolicySet;
import dev.farthing.risk.policy.PolicyStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads policy files for the CLI against the feature engine's schema, turning failures into messages. */
final class PolicyFiles {
    private PolicyFiles() {
    }

    /** The compiled policy in {@code file}, or the bundled default when {@code file} is null. */
    static PolicySet load(Path file) {
        if (file == null) {
            return PolicyCompiler.compile(PolicyStore.defaultSource(), DefaultFeatureEngine.defaultSchema());
        }
        try {
            return PolicyCompiler.compile(read(file), DefaultFeatureEngine.defaultSchema());
        } catch (PolicyException e) {
            throw new CliException(describe(file, e));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new CliException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** One {@code FILE:LINE:COLUMN: rule NAME: message} line per error, like a compiler. */
    static String describe(Path file, PolicyException e) {
        StringBuilder out = new StringBuilder("invalid policy " + file + " (" + e.errors().size() + " error"
                + (e.errors().size() == 1 ? ")" : "s)"));
        for (PolicyError error : e.errors()) {
            out.append(System.lineSeparator()).append(file).append(':').append(error.line()).append(':')
                    .append(error.column()).append(": ");
            if (error.rule() != null) {
                out.append("rule ").append(error.rule()).append(": ");
            }
            out.append(error.message());
        }
        return out.toString();
    }
}
