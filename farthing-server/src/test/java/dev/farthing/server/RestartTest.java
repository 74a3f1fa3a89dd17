package dev.farthing.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A second start on the same data directory keeps keys, balances and idempotency, and makes no new admin key. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void keysBalancesAndIdempotencySurviveARestart() {
        String operator;
        try (TestServer t = TestServer.start(dir)) {
            operator = t.operatorKey;
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.createAccount("w", "wallet").status()).isEqualTo(201);
            assertThat(t.transfer("r-1", "bank", "w", 42).status()).isEqualTo(201);
        }
        Path data = dir.resolve("data");
        try (FarthingServer again = FarthingServer.start(ServerOptions.defaults(data, 0).withHost("127.0.0.1"))) {
            assertThat(again.bootstrapAdminKey()).isNull();
            TestServer t = new TestServer(again, data);
            TestServer.Resp repeat = t.send("POST", "/v1/transfers", "{\"id\":\"r-1\",\"debit_account\":\"bank\","
                    + "\"credit_account\":\"w\",\"amount\":42,\"currency\":\"USD\"}", operator);
            assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
            TestServer.Resp account = t.send("GET", "/v1/accounts/w", (String) null, operator);
            assertThat(account.json().get("balance").asLong()).isEqualTo(42);
        }
    }
}
