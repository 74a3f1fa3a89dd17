package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The provider simulator ({@code farthing-provider-sim}) as a child process on loopback, started with this test
 * JVM's java and class path; it prints its ephemeral port. Closing it closes the child's stdin (it exits on EOF)
 * and then kills it. Also a small client for the simulator's control API ({@code /sim/...}).
 */
public final class ProviderSimulatorProcess implements AutoCloseable {
    private static final String MAIN = "dev.farthing.simulator.provider.ProviderSimulatorMain";
    private static final String READY = "PROVIDER-SIM LISTENING ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path stderr;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ProviderSimulatorProcess(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    public static ProviderSimulatorProcess start(String configJson) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Tests run on the module path; the child runs all of it on the class path.
        String classPath = String.join(System.getProperty("path.separator"), System.getProperty("java.class.path"),
                System.getProperty("jdk.module.path", ""));
        Path err = Files.createTempFile("provider-sim", ".err");
        Process p = new ProcessBuilder(List.of(java, "-ea", "-Xmx256m", "-cp", classPath, MAIN,
                "--config-json", configJson, "--port", "0", "--watch-stdin"))
                .redirectError(err.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(READY)) {
            p.destroyForcibly();
            throw new IllegalStateException("provider simulator did not start: " + line + "; stderr: " + Files.readString(err));
        }
        return new ProviderSimulatorProcess(p, err, Integer.parseInt(line.substring(READY.length()).strip()));
    }

    public int port() {
        return port;
    }

    /** The base URI a connector for {@code provider} uses. */
    public URI providerUri(String provider) {
        return URI.create("http://127.0.0.1:" + port + "/p/" + provider + "/");
    }

    /** Moves the simulator's manual clock on; payouts due settle and their webhooks are sent before this returns. */
    public void advance(long seconds) {
        control("POST", "/sim/advance", "{\"seconds\":" + seconds + "}");
    }

    /** Replaces one provider's knobs (JSON as in the config's providers entries). */
    public void reconfigure(String provider, String knobsJson) {
        control("PUT", "/sim/providers/" + provider, knobsJson);
    }

    /** The simulated bank (config {@code "bank"}) collects the pain.001 files in its outbox, booking them on {@code day}. */
    public int bankCollect(java.time.LocalDate day) {
        return control("POST", "/sim/bank/collect", "{\"date\":\"" + day + "\"}").get("transfers").asInt();
    }

    /** The simulated bank drops the camt.053 of {@code day} into its inbox. */
    public void bankStatement(java.time.LocalDate day) {
        control("POST", "/sim/bank/statement", "{\"date\":\"" + day + "\"}");
    }

    /**
     * {@code {"now":..., "providers":{id:[payout...]}, "bank":[entry...] (with a bank), "webhooks":{delivered, lost,
     * duplicated, failed}}}.
     */
    public JsonNode books() {
        return control("GET", "/sim/books", null);
    }

    private JsonNode control(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws IOException {
        http.close();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderr);
    }
}
