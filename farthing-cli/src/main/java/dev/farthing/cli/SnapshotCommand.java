package dev.farthing.cli;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * {@code farthing snapshot}: writes a snapshot so the next start replays less journal. Offline it opens
 * the ledger itself; a running server holds the ledger's lock, so then it asks the server over HTTP.
 */
@Command(name = "snapshot",
        description = {"Write a ledger snapshot now and print its file name.",
                "Offline: opens the ledger in --data. While a server runs on it, pass --url and --key instead."})
public final class SnapshotCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption data;

    @Option(names = "--url", paramLabel = "URL",
            description = "A running server to ask (POST /v1/admin/snapshot), e.g. http://127.0.0.1:8080.")
    private String url;

    @Option(names = "--key", paramLabel = "KEY", defaultValue = "${env:FARTHING_API_KEY}",
            description = "Admin API key for --url. Default: $FARTHING_API_KEY.")
    private String key;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String file = url != null ? viaServer() : offline(data.requireExisting());
        spec.commandLine().getOut().println("Snapshot written: " + file);
        return ExitCodes.OK;
    }

    private String viaServer() throws Exception {
        if (key == null || key.isBlank()) {
            throw new CliException("--url needs an admin API key: pass --key or set FARTHING_API_KEY",
                    ExitCodes.USAGE, null);
        }
        PrintWriter err = spec.commandLine().getErr();
        return ProgressBar.indeterminate(err, "Asking " + url + " for a snapshot",
                () -> new AdminApiClient(url, key).snapshot());
    }

    private String offline(Path dir) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Ledger ledger = ProgressBar.indeterminate(err, "Opening ledger in " + dir + " (replaying journal)",
                () -> open(dir));
        try (ledger) {
            return ProgressBar.indeterminate(err, "Writing snapshot", () -> ledger.snapshot().get());
        } catch (ExecutionException e) {
            throw new CliException("snapshot failed: " + FarthingCommand.describe(e.getCause()), e.getCause());
        }
    }

    /** Opened exactly as {@code farthing serve} opens it, so the currencies match the journal's. */
    private static Ledger open(Path dir) {
        try {
            return Ledgers.open(ServerOptions.defaults(dir, 0).ledgerConfig());
        } catch (RuntimeException e) {
            throw new CliException("cannot open the ledger in " + dir + ": " + FarthingCommand.describe(e)
                    + ". If a server is running on it, use: farthing snapshot --url http://127.0.0.1:8080"
                    + " --key ADMIN_KEY", e);
        }
    }
}
