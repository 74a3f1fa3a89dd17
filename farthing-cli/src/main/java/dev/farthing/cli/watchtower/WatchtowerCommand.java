package dev.farthing.cli.watchtower;

import dev.farthing.cli.CliException;
import dev.farthing.cli.ExitCodes;
import dev.farthing.cli.HelpOption;
import dev.farthing.watchtower.Watchtower;
import dev.farthing.watchtower.WatchtowerConfig;
import dev.farthing.watchtower.engine.EngineClient;
import dev.farthing.watchtower.follow.CrashPoint;
import dev.farthing.watchtower.http.UploadAuth;
import dev.farthing.watchtower.store.StoreOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code farthing watchtower}: runs a watchtower in the foreground until SIGINT or SIGTERM. It stores the
 * justice blobs wallets upload, follows the engine's channel closes and submits the penalty when a revoked
 * state is broadcast.
 */
@Command(name = "watchtower",
        description = {"Run a watchtower: store wallets' encrypted justice blobs, follow the engine's channel",
                "closes and punish revoked states inside their dispute window. Runs until Ctrl-C or SIGTERM."})
public final class WatchtowerCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Option(names = "--engine", required = true, paramLabel = "URL", description = "The engine's base URL, e.g. http://localhost:8080.")
    private URI engine;

    @Option(names = "--engine-key", required = true, paramLabel = "KEY",
            description = "Engine API key with the operator role (reads channel events, submits penalties).")
    private String engineKey;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The tower's data directory: blobs, cursor, token.")
    private Path data;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8090", description = "TCP port of the upload API; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token wallets must upload with (16+ characters). Default: one created once and kept in DIR/tower-token.")
    private String token;

    @Option(names = "--client-key", paramLabel = "HEX",
            description = "A wallet's TOWER-family Ed25519 public key (32 bytes hex) allowed to upload signed blobs instead of"
                    + " using the token. Repeatable.")
    private List<String> clientKeys = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CliException("--port must be 0..65535, got " + port, ExitCodes.USAGE, null);
        }
        if (!"http".equals(engine.getScheme()) && !"https".equals(engine.getScheme())) {
            throw new CliException("--engine must be an http(s) URL, got " + engine, ExitCodes.USAGE, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data.toAbsolutePath().normalize();
        String uploadToken = resolveToken(out, dir);
        EngineClient engineClient = new EngineClient(engine, engineKey);
        WatchtowerConfig config = new WatchtowerConfig(StoreOptions.defaults(dir), host, port, uploadAuth(uploadToken),
                engineClient, engineClient, Clock.systemUTC(), Duration.ofSeconds(5), CrashPoint.NONE);
        Watchtower tower = start(config);
        out.println("Watchtower serving " + dir + " at http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
                + tower.port() + " (POST /v1/blobs, GET /health), holding " + tower.blobs() + " blobs,");
        out.println("following " + engine + " from event seq " + tower.cursor() + ". Stop with Ctrl-C.");
        out.flush();
        awaitShutdownSignal(tower);
        return ExitCodes.OK;
    }

    private UploadAuth uploadAuth(String uploadToken) {
        List<byte[]> keys = new ArrayList<>();
        for (String hex : clientKeys) {
            try {
                keys.add(HexFormat.of().parseHex(hex.trim()));
            } catch (IllegalArgumentException e) {
                throw new CliException("--client-key must be hex, got " + hex, ExitCodes.USAGE, null);
            }
        }
        try {
            return new UploadAuth(uploadToken, keys);
        } catch (IllegalArgumentException e) {
            throw new CliException("--client-key: " + e.getMessage(), ExitCodes.USAGE, null);
        }
    }

    private String resolveToken(PrintWriter out, Path dir) {
        if (token != null) {
            if (token.length() < 16) {
                throw new CliException("--token must be at least 16 characters", ExitCodes.USAGE, null);
            }
            return token;
        }
        String stored = TowerToken.read(dir);
        if (stored != null) {
            out.println("Upload token: as stored in " + dir.resolve(TowerToken.FILE));
            return stored;
        }
        String created = TowerToken.create(dir);
        out.println("Created the upload token (kept in " + dir.resolve(TowerToken.FILE) + "); give it to wallets:");
        out.println("  " + created);
        return created;
    }

    private static Watchtower start(WatchtowerConfig config) {
        try {
            return Watchtower.start(config);
        } catch (RuntimeException e) {
            throw new CliException("could not start the watchtower on " + config.host() + ":" + config.port()
                    + " with data " + config.store().dir() + ": " + e.getMessage(), e);
        }
    }

    /** Blocks until the JVM is asked to exit; the shutdown hook stops following and closes the store. */
    private void awaitShutdownSignal(Watchtower tower) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                err.println("Watchtower stopping: finishing the event in hand and closing the blob store...");
                err.flush();
                tower.close();
                err.println("Watchtower stopped cleanly at event seq " + tower.cursor() + ".");
            } catch (RuntimeException e) {
                err.println("Watchtower stopped with an error: " + e);
            } finally {
                err.flush();
                closed.countDown();
            }
        }, "watchtower-shutdown"));
        closed.await();
    }
}
