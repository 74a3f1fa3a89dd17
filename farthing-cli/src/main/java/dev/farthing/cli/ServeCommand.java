package dev.farthing.cli;

import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.server.ApiKeys;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code farthing serve}: runs the HTTP API over the embedded ledger until SIGINT or SIGTERM. An empty
 * data directory is initialised first so that {@code ./farthing serve} alone is enough to get started.
 */
@Command(name = "serve",
        description = {"Run the engine: the HTTP API over the ledger in --data, until Ctrl-C or SIGTERM.",
                "An uninitialised data directory is created first and its admin API key printed once."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR",
            description = "Address to bind, e.g. 0.0.0.0 for every interface. Default: the server's default.")
    private String host;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CliException("--port must be 0..65535, got " + port, ExitCodes.USAGE, null);
        }
        Path dir = data.dir();
        PrintWriter out = spec.commandLine().getOut();
        // The key is printed before the server starts so it is on screen even if the start fails.
        printIfNew(out, dir, initialiseIfNeeded(dir));
        ServerOptions defaults = ServerOptions.defaults(dir, port);
        ServerOptions options = host == null ? defaults : defaults.withHost(host);
        FarthingServer server = start(options);
        printIfNew(out, dir, server.bootstrapAdminKey());
        printRecovery(out, server.ledger().recovery());
        out.println("Farthing is serving " + dir + " at " + url(options.host(), server.port())
                + "  (API docs: /openapi.json, health: /health). Stop with Ctrl-C.");
        out.flush();
        awaitShutdownSignal(server);
        return ExitCodes.OK;
    }

    private static String initialiseIfNeeded(Path dir) {
        return ApiKeys.isInitialised(dir) ? null : ApiKeys.initialise(dir);
    }

    private static void printIfNew(PrintWriter out, Path dir, String adminKey) {
        if (adminKey != null) {
            out.println("Initialised new data directory " + dir);
            AdminKeyBanner.printAdminKey(out, adminKey);
        }
    }

    private FarthingServer start(ServerOptions options) {
        try {
            return FarthingServer.start(options);
        } catch (RuntimeException e) {
            throw new CliException("could not start on " + options.host() + ":" + options.port() + " with data "
                    + options.dataDir() + ": " + FarthingCommand.describe(e), e);
        }
    }

    private static void printRecovery(PrintWriter out, RecoveryReport r) {
        if (r == null) {
            return;
        }
        out.printf("Ledger recovered in %d ms: snapshot %s, %d journal batches replayed%n", r.durationMs(),
                r.snapshotFile() == null ? "none" : r.snapshotFile() + " (sequence " + r.snapshotSequence() + ")",
                r.replayedBatches());
        if (r.tornTailBytes() > 0) {
            out.printf("Torn tail truncated: %d bytes at %s offset %d (a partial write that was never"
                    + " acknowledged; nothing acknowledged is lost)%n", r.tornTailBytes(), r.tornTailFile(),
                    r.tornTailOffset());
        }
    }

    static String url(String host, int port) {
        boolean anyAddress = host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        String shown = anyAddress ? "localhost" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port;
    }

    /**
     * Blocks until the JVM is asked to exit. The shutdown hook does the closing, because SIGINT and SIGTERM
     * reach Java only as shutdown hooks: it stops HTTP first, then closes the ledger so its last group
     * commit is flushed and the lock released.
     */
    private void awaitShutdownSignal(FarthingServer server) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                err.println("Farthing stopping: finishing in-flight requests and closing the ledger...");
                err.flush();
                server.close();
                err.println("Farthing stopped cleanly.");
            } catch (RuntimeException e) {
                err.println("Farthing stopped with an error: " + FarthingCommand.describe(e));
            } finally {
                err.flush();
                closed.countDown();
            }
        }, "farthing-shutdown"));
        closed.await();
    }
}
