package dev.farthing.cli.model;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.model.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code farthing model shadow add|remove}: challenger models scored on live traffic without deciding. */
@Command(name = "shadow", description = "Add or remove a shadow (challenger) model: scored live, never deciding.",
        subcommands = {ModelShadowCommand.Add.class, ModelShadowCommand.Remove.class})
public final class ModelShadowCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add or remove");
    }

    @Command(name = "add", description = "Score this version alongside the active model (a .json file is registered first).")
    static final class Add implements Callable<Integer> {
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
                models.addShadow(v);
                return null;
            });
            spec.commandLine().getOut().println("Shadow model added: " + v);
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", description = "Stop scoring this shadow version.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        private HelpOption help;

        @Mixin
        private RegistryDirOption registry;

        @Parameters(paramLabel = "VERSION", description = "A shadow version (m-...).")
        private String version;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            ModelRegistry models = registry.open();
            RegistryCalls.run(() -> {
                models.removeShadow(version);
                return null;
            });
            spec.commandLine().getOut().println("Shadow model removed: " + version);
            return ExitCodes.OK;
        }
    }
}
