package dev.farthing.simulator.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a stand-in server that challenges every payment, and checks what the driver sent. */
class PaymentDriverTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private final Map<String, Long> funded = new ConcurrentHashMap<>();
    private final Map<String, Integer> posted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> challenges = new ConcurrentHashMap<>();
    private final java.util.Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Map<String, String> payerOf = new ConcurrentHashMap<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        String path = ex.getRequestURI().getPath();
        String reply = "{}";
        if (!"Bearer k".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{}");
            return;
        }
        if (path.equals("/v1/accounts")) {
            accounts.put(body.get("id").asText(), body.get("kind").asText());
        } else if (path.equals("/v1/transfers/batch")) {
            body.get("transfers").forEach(t -> funded.merge(t.get("credit_account").asText(), t.get("amount").asLong(), Long::sum));
        } else if (path.equals("/v1/payments")) {
            posted.merge(body.get("id").asText(), 1, Integer::sum);
            payerOf.put(body.get("id").asText(), body.get("payer").asText());
            reply = "{\"id\":\"" + body.get("id").asText() + "\",\"decision\":\"challenged\",\"risk\":{\"score\":0.5,"
                    + "\"reasons\":[{\"code\":\"test\",\"detail\":\"x\"}]},\"transfer_ids\":[],\"latency_us\":7,"
                    + "\"challenge\":{\"nonce\":\"bm9uY2Ut" + body.get("id").asText().length() + "\",\"methods\":[\"webauthn\"]}}";
        } else if (path.endsWith("/webauthn-credentials/options")) {
            reply = "{\"public_key\":{\"challenge\":\"Y2hhbGxlbmdl\"}}";
        } else if (path.endsWith("/webauthn-credentials")) {
            // the ceremony's second step: an attestation over the challenge the options gave
            if (body.has("attestation_object") && new String(java.util.Base64.getUrlDecoder().decode(
                    body.get("client_data_json").asText()), StandardCharsets.UTF_8).contains("Y2hhbGxlbmdl")) {
                registered.add(path.split("/")[3]);
            }
        } else if (path.endsWith("/challenge")) {
            // a person answers with an assertion from a registered credential, an attacker with passed: false
            boolean proved = body.has("webauthn") && registered.contains(payerOf.get(path.split("/")[3]))
                    && body.get("webauthn").has("signature");
            challenges.put(path.split("/")[3], proved && !body.has("passed"));
        }
        send(ex, 201, reply);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void opensFundsPostsAtTheRateAndCompletesChallengesLikeClients() throws Exception {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Simulation sim = Simulator.run(new SimulationConfig(seed, 60, SimulationConfig.DEFAULT_START, Duration.ofHours(2),
                "USD", 4, 1, Duration.ZERO));
        List<PaymentRecord> records = sim.records().subList(0, Math.min(400, sim.records().size()));
        ServerApi api = new ServerApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "k");
        LedgerSetup.prepare(api, records, "USD", seed);
        for (PaymentRecord r : records) {
            assertThat(accounts).containsEntry(r.payment().payer(), "wallet");
            assertThat(accounts).containsKey(r.payment().payee());
            assertThat(funded.get(r.payment().payer())).isGreaterThanOrEqualTo(r.payment().amount());
        }
        assertThat(accounts).containsEntry(LedgerSetup.FUNDING_ACCOUNT, "settlement");

        double rate = 2000;
        long t0 = System.nanoTime();
        DriveReport report = new PaymentDriver(api, rate, Duration.ofMinutes(1).toNanos(), 64).run(records);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(seconds).as("open loop at a fixed rate").isGreaterThanOrEqualTo((records.size() - 1) / rate * 0.95);
        assertThat(report.failedCount()).isZero();
        assertThat(posted).hasSize(records.size()).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        for (PaymentRecord r : records) {
            assertThat(challenges.get(r.payment().id())).as("people pass, attackers fail").isEqualTo(!r.fraud());
        }
        assertThat(report.quality("t").scenarios().values().stream().mapToLong(t -> t.total()).sum()).isEqualTo(records.size());
        System.out.print(report.format("stand-in server"));
    }
}
