package dev.farthing.cli.model;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code farthing model register}: verifies a bundle and copies it into the registry under its version. */
@Command(name = "register", description = "Add a model bundle to the registry (it is not activated).")
public final class ModelRegisterCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private RegistryDirOption registry;

    @Parameters(paramLabel = "MODEL_JSON", description = "Model bundle written by 'farthing model train'.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ModelFiles.load(file);
        ModelRegistry models = registry.open();
        String version = RegistryCalls.run(() -> models.register(file));
        spec.commandLine().getOut().println("Registered " + version + " in " + models.dir());
        return ExitCodes.OK;
    }
}
