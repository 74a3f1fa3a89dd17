package dev.farthing.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code farthing serve} in a child JVM, as an operator would run it, so that a SIGKILL kills the whole
 * engine mid-write. Its stdout is read for the port and the one-time admin key and copied, with stderr, to
 * log files next to the data directory for post-mortems.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Farthing listening on port (\\d+)");
    private static final Pattern ADMIN_KEY = Pattern.compile("Admin API key \\(shown once, store it now\\): (\\S+)");
    private static final long START_TIMEOUT_S = 60;

    private final Process process;
    private final Path stderrLog;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private volatile String adminKey;

    private ServerProcess(Process process, Path stderrLog) {
        this.process = process;
        this.stderrLog = stderrLog;
    }

    /** Starts {@code farthing serve --data DIR --port 0} and waits until it listens. */
    static ServerProcess start(Path dataDir, Path logDir, String name) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path stdoutLog = logDir.resolve(name + ".out");
        Path stderrLog = logDir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command(dataDir))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        ServerProcess server = new ServerProcess(pb.start(), stderrLog);
        Thread.ofPlatform().daemon().name("stdout-" + name).start(() -> server.pump(stdoutLog));
        server.awaitListening();
        return server;
    }

    private static List<String> command(Path dataDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start: two cores are shared with the load generator and the checks.
        cmd.addAll(List.of("-ea", "-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                // The product's logging (INFO: recovery reports) rather than the tests' quiet logback-test.xml.
                "-Dlogback.configurationFile=logback.xml", "-cp", /* tests run on the module path; the child runs all of it on the class path */ String.join(System.getProperty("path.separator"), "target/test-classes", System.getProperty("java.class.path"), System.getProperty("jdk.module.path", "")),
                FarthingCommand.class.getName(), "serve", "--data", dataDir.toString(), "--port", "0",
                "--host", "127.0.0.1"));
        return cmd;
    }

    private void pump(Path stdoutLog) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(stdoutLog, StandardOpenOption.CREATE,
                     StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.println(line);
                Matcher key = ADMIN_KEY.matcher(line);
                if (key.find()) {
                    adminKey = key.group(1);
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        } finally {
            port.completeExceptionally(new IllegalStateException("server exited before listening"));
        }
    }

    private void awaitListening() throws InterruptedException {
        try {
            port.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start: " + e.getMessage() + "\n" + stderrTail(), e);
        }
    }

    int port() {
        return port.join();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The admin key printed when this start initialised the data directory; null otherwise. */
    String adminKey() {
        return adminKey;
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no close; whatever is on disk is all there is. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM: the shutdown hook closes the server and ledger; returns the exit status. */
    int stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not stop within 60 s of SIGTERM\n" + stderrTail());
        }
        return process.exitValue();
    }

    String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderrLog, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no stderr log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
