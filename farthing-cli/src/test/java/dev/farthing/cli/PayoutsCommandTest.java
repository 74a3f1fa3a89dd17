package dev.farthing.cli;

import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing payouts run} starts a batch on a running server and prints it; without a key it is a usage error. */
class PayoutsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void payoutsRunPrintsTheBatchTheServerRan() throws Exception {
        Path data = tmp.resolve("data");
        String admin = CliCommandsTest.run("init", "--data", data.toString()).key();
        try (FarthingServer server = FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1"))) {
            String url = "http://127.0.0.1:" + server.port();
            LedgerHttp http = new LedgerHttp(url, admin);
            assertThat(http.createAccount("bank", "USD", "settlement").status()).isEqualTo(201);
            assertThat(http.createAccount("m1", "USD", "merchant").status()).isEqualTo(201);
            assertThat(send(url, admin, "POST", "/v1/transfers", "{\"id\":\"e1\",\"debit_account\":\"bank\","
                    + "\"credit_account\":\"m1\",\"amount\":5000000,\"currency\":\"USD\"}")).isEqualTo(201);
            assertThat(send(url, admin, "PUT", "/v1/settlement/payees/p1", "{\"account\":\"m1\",\"currency\":\"USD\","
                    + "\"country\":\"US\",\"beneficiary_name\":\"Ann\",\"beneficiary_account\":\"US-1\","
                    + "\"schedule\":{\"kind\":\"daily\",\"minimum\":100}}")).isEqualTo(200);

            CliCommandsTest.Result r = CliCommandsTest.run("payouts", "run", "--url", url, "--key", admin);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("batch b-1: 1 payouts", "b-1.1", "p1", "500 USD (scale 2)");
            assertThat(CliCommandsTest.run("payouts", "run", "--url", url, "--key", admin).out())
                    .as("paid (or tried) today: nothing due again").contains("batch b-2: 0 payouts");
        }
        CliCommandsTest.Result noKey = CliCommandsTest.run("payouts", "run", "--url", "http://127.0.0.1:1", "--key", "");
        assertThat(noKey.exit()).isEqualTo(ExitCodes.USAGE);
    }

    private static int send(String url, String key, String method, String path, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            return client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
