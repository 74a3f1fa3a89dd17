package dev.farthing.cli;

import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.ApiKeys;
import dev.farthing.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code farthing init}: creates a data directory and prints its first admin key, exactly once. */
@Command(name = "init",
        description = {"Create a data directory and print its first admin API key (shown once).",
                "Refuses if the directory is already initialised: a second admin key would go unnoticed."})
public final class InitCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption data;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = data.dir();
        if (ApiKeys.isInitialised(dir)) {
            throw new CliException(dir + " is already initialised; no new key was created."
                    + " To add a key use: farthing keys create --role admin --data " + dir);
        }
        createEmptyLedger(dir);
        String key;
        try {
            key = ApiKeys.initialise(dir);
        } catch (IllegalStateException e) {
            // Another init won the race between our check and the key store's own locked check.
            throw new CliException(e.getMessage() + "; no new key was created.", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Initialised Farthing data directory " + dir);
        AdminKeyBanner.printAdminKey(out, key);
        out.println("Start the engine with: farthing serve --data " + dir);
        return ExitCodes.OK;
    }

    /**
     * Opens and closes the ledger once, before any key exists, so the directory is complete (verify and
     * snapshot work on it at once) and a permission or lock problem shows now rather than at first serve.
     */
    private static void createEmptyLedger(Path dir) {
        try {
            // Opening creates the journal and index; closing at once releases the lock for `serve`.
            Ledgers.open(ServerOptions.defaults(dir, 0).ledgerConfig()).close();
        } catch (RuntimeException e) {
            throw new CliException("cannot create a ledger in " + dir + ": " + FarthingCommand.describe(e), e);
        }
    }
}
