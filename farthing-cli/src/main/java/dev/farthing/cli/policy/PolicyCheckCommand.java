package dev.farthing.cli.policy;

import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.risk.policy.PolicyRule;
import dev.farthing.risk.policy.PolicySet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code farthing policy check FILE}: compiles and type-checks a policy; lists its rules or its errors. */
@Command(name = "check",
        description = {"Compile and type-check a policy file against the feature schema.",
                "Prints its version and rules (exit 0), or every error as FILE:LINE:COLUMN (exit 1)."})
public final class PolicyCheckCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file.")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PolicySet policy = PolicyFiles.load(file);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("OK %s: policy %s, version %s, %d rules%n", file, policy.name(), policy.version(),
                policy.rules().size());
        for (PolicyRule rule : policy.rules()) {
            out.printf("  line %-4d %-9s %-32s %s%n", rule.line(), rule.action().keyword(), rule.code(), rule.name());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
