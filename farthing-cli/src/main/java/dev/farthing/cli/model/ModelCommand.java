package dev.farthing.cli.model;

import dev.farthing.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code farthing model ...}: train, evaluate and manage the fraud models. */
@Command(name = "model",
        description = {"Train and evaluate fraud models; manage the server's model registry.",
                "Data formats: farthing (JSON Lines from 'farthing simulate --out'), paysim, ulb."},
        subcommands = {ModelTrainCommand.class, ModelEvalCommand.class, ModelRegisterCommand.class,
                ModelActivateCommand.class, ModelListCommand.class, ModelShadowCommand.class})
public final class ModelCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: train, eval, register, activate, list or shadow");
    }
}
