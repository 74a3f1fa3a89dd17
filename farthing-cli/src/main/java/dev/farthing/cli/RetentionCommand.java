package dev.farthing.cli;

import dev.farthing.customers.erasure.RetentionAction;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.ServerOptions;
import dev.farthing.server.http.customers.CustomersApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code farthing retention run}: the retention job, offline on a data directory (stop the server first): shreds
 * identity data whose legal retention ended and carries out erasures a legal hold deferred once it is released.
 * Prints one line per action, then a summary; {@code --dry-run} only reports.
 */
@Command(name = "retention", description = "Enforce the retention policies of personal data.",
        subcommands = RetentionCommand.Run.class)
public final class RetentionCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    @Command(name = "run", description = {"Shred personal data whose retention ended and carry out erasures a released legal hold deferred.",
            "Opens the data directory itself, so the server must be stopped."})
    static final class Run implements Callable<Integer> {
        @Mixin
        private HelpOption help;

        @Mixin
        private DataDirOption data;

        @Option(names = "--dry-run", description = "Only report what would be done; change nothing.")
        private boolean dryRun;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = data.requireExisting();
            PrintWriter out = spec.commandLine().getOut();
            Ledger ledger;
            try {
                ledger = Ledgers.open(ServerOptions.defaults(dir, 0).ledgerConfig());
            } catch (RuntimeException e) {
                throw new CliException("cannot open the ledger in " + dir + ": " + FarthingCommand.describe(e)
                        + ". Stop the server running on it first.", e);
            }
            try (ledger; CustomersApi customers = CustomersApi.open(dir.resolve("customers"), ledger, null)) {
                List<RetentionAction> actions = customers.service().runRetention(dryRun);
                for (RetentionAction a : actions) {
                    out.printf("%s %s customer %s (%s, due %s)%n", dryRun ? "would" : "did", a.action(), a.customerId(),
                            a.why(), Instant.ofEpochSecond(0, a.due()));
                }
                out.printf("retention run%s: %d action(s)%n", dryRun ? " (dry run, nothing changed)" : "", actions.size());
            }
            return ExitCodes.OK;
        }
    }
}
