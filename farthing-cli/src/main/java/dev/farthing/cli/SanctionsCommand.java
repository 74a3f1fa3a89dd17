package dev.farthing.cli;

import dev.farthing.compliance.screening.ListSnapshot;
import dev.farthing.compliance.screening.LoadedList;
import dev.farthing.compliance.screening.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code farthing sanctions load}: stores the OFAC SDN CSV set and/or the UN consolidated XML as a new, hashed
 * list version in {@code DATA/screening/sanctions}. A running server switches to it on
 * {@code POST /v1/screening/lists}.
 */
@Command(name = "sanctions", description = "Sanctions lists for screening.",
        subcommands = SanctionsCommand.Load.class)
public final class SanctionsCommand implements Runnable {
    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: load");
    }

    @Command(name = "load", description = {"Store a new version of the sanctions lists and print its version and hash.",
            "The same files make no new version. A running server picks it up on POST /v1/screening/lists."})
    static final class Load implements Callable<Integer> {
        @Mixin
        private HelpOption help;

        @Mixin
        private DataDirOption data;

        @Option(names = "--ofac", paramLabel = "DIR", description = "Folder with OFAC's sdn.csv (and alt.csv, add.csv).")
        private Path ofac;

        @Option(names = "--un", paramLabel = "FILE", description = "The UN Security Council consolidated list (XML).")
        private Path un;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (ofac == null && un == null) {
                throw new CliException("give --ofac DIR, --un FILE or both", ExitCodes.USAGE, null);
            }
            ListSnapshot snapshot;
            try {
                snapshot = new SnapshotStore(data.dir().resolve("screening")).store(ofac, un);
            } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                throw new CliException("could not load the sanctions lists: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (LoadedList l : snapshot.lists()) {
                out.printf("%s: %d entries, %d aliases, %d rows joining no entry, %d unreadable rows%n",
                        l.source().wireName(), l.entries().size(), l.aliasCount(), l.orphanRows(), l.skippedRows());
            }
            out.println("List version " + snapshot.version() + " (sha256 " + snapshot.sha256() + ") is current.");
            return ExitCodes.OK;
        }
    }
}
