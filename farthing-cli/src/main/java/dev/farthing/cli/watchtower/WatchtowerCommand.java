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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            description = "Bearer token of the client named 'default' (16+ characters). Without --token, --client or"
                    + " --client-key: one created once and kept in DIR/tower-token.")
    private String token;

    @Option(names = "--client", paramLabel = "NAME=TOKEN",
            description = "A client with its own bearer token (16+ characters) and its own namespace and quota: it can"
                    + " neither read nor crowd another client's blobs. Repeatable.")
    private List<String> clients = new ArrayList<>();

    @Option(names = "--client-key", paramLabel = "[NAME=]HEX",
            description = "A wallet's TOWER-family Ed25519 public key (32 bytes hex) allowed to upload signed blobs;"
                    + " with NAME= it shares that client's namespace, else it has one of its own. Repeatable.")
    private List<String> clientKeys = new ArrayList<>();

    @Option(names = "--quota", paramLabel = "N", defaultValue = "1000000",
            description = "Blobs each client may hold; more are refused with 429 quota_exceeded. Default: ${DEFAULT-VALUE}.")
    private int quota;

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
        if (quota < 1) {
            throw new CliException("--quota must be a positive number of blobs, got " + quota, ExitCodes.USAGE, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = data.toAbsolutePath().normalize();
        String uploadToken = clients.isEmpty() && clientKeys.isEmpty() || token != null ? resolveToken(out, dir) : null;
        EngineClient engineClient = new EngineClient(engine, engineKey);
        WatchtowerConfig config = new WatchtowerConfig(StoreOptions.defaults(dir).withMaxPerClient(quota), host, port,
                uploadAuth(uploadToken),
                engineClient, engineClient, Clock.systemUTC(), Duration.ofSeconds(5), CrashPoint.NONE);
        Watchtower tower = start(config);
        out.println("Watchtower serving " + dir + " at http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":"
                + tower.port() + " (POST /v1/blobs, GET /health), holding " + tower.blobs() + " blobs,"
                + " quota " + quota + " per client,");
        out.println("following " + engine + " from event seq " + tower.cursor() + ". Stop with Ctrl-C.");
        out.flush();
        awaitShutdownSignal(tower);
        return ExitCodes.OK;
    }

    private UploadAuth uploadAuth(String uploadToken) {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (uploadToken != null) {
            tokens.put(UploadAuth.DEFAULT_CLIENT, uploadToken);
        }
        for (String c : clients) {
            String[] nameToken = split(c, "--client", "NAME=TOKEN");
            if (nameToken[1].length() < 16) {
                throw new CliException("--client " + nameToken[0] + ": the token must be at least 16 characters", ExitCodes.USAGE, null);
            }
            if (tokens.put(nameToken[0], nameToken[1]) != null) {
                throw new CliException("--client " + nameToken[0] + " is given twice", ExitCodes.USAGE, null);
            }
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String k : clientKeys) {
            String[] nameHex = k.contains("=") ? split(k, "--client-key", "[NAME=]HEX") : new String[]{null, k.trim()};
            byte[] key;
            try {
                key = HexFormat.of().parseHex(nameHex[1]);
            } catch (IllegalArgumentException e) {
                throw new CliException("--client-key must be hex, got " + nameHex[1], ExitCodes.USAGE, null);
            }
            keys.put(nameHex[0] == null ? "key:" + HexFormat.of().formatHex(key) : nameHex[0], key);
        }
        try {
            return new UploadAuth(tokens, keys);
        } catch (IllegalArgumentException e) {
            throw new CliException("--client/--client-key: " + e.getMessage(), ExitCodes.USAGE, null);
        }
    }

    private static String[] split(String value, String option, String form) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new CliException(option + " must be " + form + ", got " + value, ExitCodes.USAGE, null);
        }
        return new String[]{value.substring(0, eq).trim(), value.substring(eq + 1).trim()};
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
