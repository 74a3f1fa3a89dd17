package dev.farthing.cli;

import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.HttpTimeouts;
import dev.farthing.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = ServerOptions.DEFAULT_HOST,
            description = "Listens on this address; 0.0.0.0 opens the API to every interface. Default: ${DEFAULT-VALUE}"
                    + " (this machine only).")
    private String host;

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10s", description = {"Closes a connection whose request headers are not complete this long"
                    + " after it opened or after its previous response. Default: ${DEFAULT-VALUE}."})
    private Duration headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s", description = "Closes a connection whose request body is not complete this long"
                    + " after its headers. Default: ${DEFAULT-VALUE}.")
    private Duration bodyTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s", description = "Closes a connection silent this long. Default: ${DEFAULT-VALUE}.")
    private Duration idleTimeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CliException("--port must be 0..65535, got " + port, ExitCodes.USAGE, null);
        }
        Path dir = data.dir();
        PrintWriter out = spec.commandLine().getOut();
        ServerOptions options = ServerOptions.defaults(dir, port).withHost(host).withTimeouts(timeouts());
        // The port is bound first (a busy one fails before anything is created); a new data directory's key is
        // printed as soon as it exists, so it is on screen even if the ledger then fails to open.
        FarthingServer server = start(options, out);
        printRecovery(out, server.ledger().recovery());
        out.println("Farthing is serving " + dir + " at " + url(options.host(), server.port())
                + "  (API docs: /openapi.json, health: /health). Stop with Ctrl-C.");
        out.flush();
        awaitShutdownSignal(server);
        return ExitCodes.OK;
    }

    private HttpTimeouts timeouts() {
        try {
            return new HttpTimeouts(headerTimeout, bodyTimeout, idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new CliException("--header-timeout, --body-timeout and --idle-timeout: " + e.getMessage(),
                    ExitCodes.USAGE, null);
        }
    }

    private static void printIfNew(PrintWriter out, Path dir, String adminKey) {
        if (adminKey != null) {
            out.println("Initialised new data directory " + dir);
            AdminKeyBanner.printAdminKey(out, adminKey);
            out.flush();
        }
    }

    private FarthingServer start(ServerOptions options, PrintWriter out) {
        try {
            return FarthingServer.start(options, key -> printIfNew(out, options.dataDir(), key));
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
