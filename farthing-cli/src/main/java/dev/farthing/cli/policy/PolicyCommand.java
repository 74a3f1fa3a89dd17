package dev.farthing.cli.policy;

import dev.farthing.cli.HelpOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code farthing policy check|backtest}: work with CEL risk policies offline. */
@Command(name = "policy",
        description = {"Check and backtest risk policies (CEL rules mapping to approve/challenge/review/decline).",
                "The file format is documented at the top of the bundled default policy."},
        subcommands = {PolicyCheckCommand.class, PolicyBacktestCommand.class})
public final class PolicyCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check or backtest");
    }
}
