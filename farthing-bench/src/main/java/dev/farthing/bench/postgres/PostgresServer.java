package dev.farthing.bench.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server: {@code initdb} into a temp directory, {@code pg_ctl start} on a free
 * loopback port with its unix socket in that directory, {@code pg_ctl stop} and delete on close. Durability
 * settings stay at PostgreSQL's defaults ({@code fsync=on}, {@code synchronous_commit=on}); they are passed
 * explicitly so a site-wide configuration cannot weaken the baseline.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, every PostgreSQL command runs as an
 * unprivileged user ({@code postgres} if it exists, else {@code nobody}) via {@link PgCommands}.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "farthing";
    private final PgCommands commands;
    private final Path root;
    private final Path data;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    private PostgresServer(PgCommands commands, Path root, int port) {
        this.commands = commands;
        this.root = root;
        this.data = root.resolve("data");
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-stop");
    }

    /** Thrown when no usable PostgreSQL is installed or it cannot be started; the message says why. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /**
     * Starts a fresh server whose files live in a new directory under {@code parent} (the system temp directory
     * when null, or when the unprivileged user cannot reach {@code parent}).
     */
    public static PostgresServer start(Path parent) throws Unavailable {
        PgCommands commands = PgCommands.detect();
        Path root = commands.createOwnedDirectory(parent);
        PostgresServer server = new PostgresServer(commands, root, freePort());
        try {
            server.initdb();
            server.startServer();
        } catch (Unavailable | RuntimeException e) {
            server.deleteFiles();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    private void initdb() throws Unavailable {
        // --no-sync only skips flushing the freshly created template files; the server itself runs with fsync on.
        commands.run(List.of("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--no-locale", "--no-sync"), 120);
    }

    private void startServer() throws Unavailable {
        String serverOptions = String.join(" ", "-c listen_addresses=127.0.0.1", "-p " + port,
                "-k " + root, "-c max_connections=200", "-c fsync=on", "-c synchronous_commit=on",
                "-c full_page_writes=on");
        List<String> args = new ArrayList<>(List.of("pg_ctl", "-D", data.toString(), "-l",
                root.resolve("postgres.log").toString(), "-w", "-t", "60", "-o", serverOptions, "start"));
        try {
            commands.run(args, 90);
        } catch (Unavailable e) {
            throw new Unavailable(e.getMessage() + "\n" + tail(root.resolve("postgres.log")));
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    public int port() {
        return port;
    }

    public String version() {
        return commands.version();
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down and the hook runs (or ran) this same stop
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            commands.run(List.of("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        } catch (Unavailable | RuntimeException e) {
            System.err.println("postgres: stop failed (" + e.getMessage() + "); deleting its files anyway");
        }
        deleteFiles();
    }

    private void deleteFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp directory left behind is harmless
        }
    }

    private static int freePort() throws Unavailable {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new Unavailable("no free loopback port: " + e.getMessage());
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no server log)";
        }
    }
}
