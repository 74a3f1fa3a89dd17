package dev.farthing.cli.model;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code farthing model activate}: makes a version the deciding model; a running server picks it up. */
@Command(name = "activate", description = {"Make a model version the active (deciding) model.",
        "A path to a model .json registers it first. A running server polls the registry and switches."})
public final class ModelActivateCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private RegistryDirOption registry;

    @Parameters(paramLabel = "VERSION", description = "A registered version (m-...) or a model .json file.")
    private String version;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ModelRegistry models = registry.open();
        String v = RegistryCalls.versionOf(models, version);
        RegistryCalls.run(() -> {
            models.activate(v);
            return null;
        });
        spec.commandLine().getOut().println("Active model: " + v);
        return ExitCodes.OK;
    }
}
