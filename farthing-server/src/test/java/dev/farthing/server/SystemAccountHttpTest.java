package dev.farthing.server;

import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Hex;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reserved namespace over HTTP, as the issue tried it with an operator key: creating
 * {@code channels.escrow.EUR}, or moving escrow of an open channel, is 403 {@code system_account} and moves nothing.
 */
class SystemAccountHttpTest {
    static final String ESCROW = "channels.escrow.USD";
    static final String TX = "{\"id\":\"%s\",\"debit_account\":\"%s\",\"credit_account\":\"%s\",\"amount\":%d,"
            + "\"currency\":\"USD\"%s}";
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
        for (String w : new String[] {"alice", "bob", "operator"}) {
            assertThat(t.createAccount(w, "wallet").status()).isEqualTo(201);
        }
        assertThat(t.transfer("fund-alice", "bank", "alice", 200_000).status()).isEqualTo(201);
        String open = "{\"id\":\"" + Hex.encode(random32()) + "\",\"kind\":\"one_way\",\"payer\":\"alice\","
                + "\"payee\":\"bob\",\"amount\":100000,\"currency\":\"USD\",\"public_key\":\""
                + XrplKeys.toXrpl(Ed25519.generate(new SecureRandom()).publicKey()) + "\",\"settle_delay_s\":3600}";
        TestServer.Resp opened = t.post("/v1/channels", open);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void creatingAnAccountInTheNamespaceIs403() {
        TestServer.Resp r = t.post("/v1/accounts", "{\"id\":\"channels.escrow.EUR\",\"currency\":\"EUR\","
                + "\"kind\":\"settlement\",\"flags\":{\"no_overdraft\":false}}");
        assertForbidden(r, "channels.escrow.EUR");
        assertForbidden(t.post("/v1/accounts", "{\"id\":\"sys.fee.USD\",\"currency\":\"USD\",\"kind\":\"fee\"}"),
                "sys.fee.USD");
        assertThat(t.get("/v1/accounts/channels.escrow.EUR").status()).isEqualTo(404);
        assertForbidden(t.post("/v1/accounts/" + ESCROW + "/freeze", null), ESCROW);
    }

    @Test
    void movingEscrowIs403AndMovesNothing() {
        assertForbidden(t.post("/v1/transfers", TX.formatted("steal", ESCROW, "operator", 50_000, "")), ESCROW);
        assertForbidden(t.post("/v1/transfers", TX.formatted("steal-hold", ESCROW, "operator", 50_000,
                ",\"pending\":{\"timeout_s\":60}")), ESCROW);
        assertForbidden(t.post("/v1/transfers", TX.formatted("stuff", "alice", ESCROW, 5, "")), ESCROW);
        String batch = "{\"atomic\":true,\"transfers\":[" + TX.formatted("b1", "alice", "operator", 7, "") + ","
                + TX.formatted("b2", ESCROW, "operator", 50_000, "") + "]}";
        assertForbidden(t.post("/v1/transfers/batch", batch), ESCROW);
        assertThat(t.get("/v1/transfers/b1").status()).isEqualTo(404);

        TestServer.Resp loose = t.post("/v1/transfers/batch", batch.replace("\"atomic\":true", "\"atomic\":false")
                .replace("\"b1\"", "\"b3\"").replace("\"b2\"", "\"b4\""));
        assertThat(loose.status()).isEqualTo(200);
        assertThat(loose.json().get("results").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(loose.json().get("results").get(1).get("error").get("code").asText()).isEqualTo("system_account");

        assertThat(t.balance(ESCROW)).isEqualTo(100_000);
        assertThat(t.balance("operator")).isEqualTo(7);
        assertThat(t.balance("alice")).isEqualTo(100_000 - 7);
        TestServer.Resp health = t.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("client_made_system_accounts").size()).isZero();
    }

    @Test
    void postingOrVoidingAModulesHoldIs403AndABreachShowsOnHealth() throws Exception {
        try (SystemLedger module = t.ledger().system("httptest")) {
            module.createAccount(new NewAccount("sys.httptest.payouts", "USD", AccountKind.SETTLEMENT, false, 0, Map.of()))
                    .join().orThrow();
            module.createTransfer(new NewTransfer("payout-1", "sys.httptest.payouts", "bob", 30, "USD", null, null,
                    Map.of(), 600)).join().orThrow();
            long bob = t.balance("bob");
            assertForbidden(t.post("/v1/transfers/payout-1/post", "{}"), "sys.httptest.payouts");
            assertForbidden(t.post("/v1/transfers/payout-1/void", null), "sys.httptest.payouts");
            assertThat(t.get("/v1/transfers/payout-1").json().get("status").asText()).isEqualTo("pending");
            assertThat(t.balance("bob")).isEqualTo(bob);

            module.addReconciliation(() -> "books differ by 3");
            long deadline = System.nanoTime() + 5_000_000_000L;
            TestServer.Resp health;
            do {
                Thread.sleep(20);
                health = t.get("/health");
            } while (health.status() == 200 && System.nanoTime() < deadline);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("breaker_reason").asText()).isEqualTo("httptest: books differ by 3");
        }
        Thread.sleep(600); // a reconciliation round under way when the handle closed has ended
        TestServer.Resp reset = t.send("POST", "/v1/admin/breaker/reset", (String) null, t.adminKey);
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    }

    private static void assertForbidden(TestServer.Resp r, String account) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("system_account");
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("detail").asText()).contains(account);
    }

    private static byte[] random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
