package dev.farthing.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency, two-phase holds, batches, paging and account status over HTTP against the real ledger. */
class HttpFlowsTest {
    @TempDir
    static Path dir;
    static TestServer t;
    static final String RFC3339_NANOS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z";

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    private static void wallet(String id, long funds) {
        assertThat(t.createAccount(id, "wallet").status()).isEqualTo(201);
        if (funds > 0) {
            assertThat(t.transfer("fund-" + id, "bank", id, funds).status()).isEqualTo(201);
        }
    }

    private static void merchant(String id) {
        assertThat(t.createAccount(id, "merchant").status()).isEqualTo(201);
    }

    @Test
    void accountJsonHasEveryField() {
        TestServer.Resp r = t.post("/v1/accounts", "{\"id\":\"acc-1\",\"currency\":\"USD\",\"kind\":\"wallet\","
                + "\"flags\":{\"no_overdraft\":true},\"credit_limit\":0,\"metadata\":{\"owner\":\"alice\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.get("id").asText()).isEqualTo("acc-1");
        assertThat(a.get("kind").asText()).isEqualTo("wallet");
        assertThat(a.get("flags").get("no_overdraft").asBoolean()).isTrue();
        assertThat(a.get("metadata").get("owner").asText()).isEqualTo("alice");
        assertThat(a.get("status").asText()).isEqualTo("open");
        for (String f : List.of("credit_limit", "debits_posted", "credits_posted", "debits_pending", "credits_pending",
                "balance", "available")) {
            assertThat(a.get(f).asLong()).as(f).isZero();
        }
        assertThat(a.get("created_at").asText()).matches(RFC3339_NANOS);
        TestServer.Resp again = t.post("/v1/accounts", "{\"id\":\"acc-1\",\"currency\":\"USD\",\"kind\":\"wallet\","
                + "\"flags\":{\"no_overdraft\":true},\"credit_limit\":0,\"metadata\":{\"owner\":\"alice\"}}");
        assertThat(again.status()).as("idempotent repeat: " + again.body()).isEqualTo(200);
        TestServer.Resp other = t.post("/v1/accounts", "{\"id\":\"acc-1\",\"currency\":\"USD\",\"kind\":\"merchant\"}");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("id_conflict");
    }

    @Test
    void transfersAreIdempotentByIdAndBody() {
        wallet("idem-w", 1_000);
        merchant("idem-m");
        String body = "{\"id\":\"idem-1\",\"debit_account\":\"idem-w\",\"credit_account\":\"idem-m\",\"amount\":250,"
                + "\"currency\":\"USD\",\"code\":\"purchase\",\"metadata\":{\"order\":\"o-1\"}}";
        TestServer.Resp first = t.post("/v1/transfers", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode tr = first.json();
        assertThat(tr.get("amount").asLong()).isEqualTo(250);
        assertThat(tr.get("status").asText()).isEqualTo("posted");
        assertThat(tr.get("posted_amount").asLong()).isEqualTo(250);
        assertThat(tr.get("pending").isNull()).isTrue();
        assertThat(tr.get("resolved_at").isNull()).isTrue();
        assertThat(tr.get("code").asText()).isEqualTo("purchase");
        assertThat(tr.get("timestamp").asText()).matches(RFC3339_NANOS);
        assertThat(tr.get("timestamp_ns").asLong()).isPositive();

        TestServer.Resp repeat = t.post("/v1/transfers", body);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.json().get("timestamp_ns")).isEqualTo(tr.get("timestamp_ns"));
        TestServer.Resp conflict = t.post("/v1/transfers", body.replace("250", "251"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.code()).isEqualTo("id_conflict");
        assertThat(t.balance("idem-w")).isEqualTo(750);
        assertThat(t.balance("idem-m")).isEqualTo(250);
        assertThat(t.get("/v1/transfers/idem-1").json().get("timestamp_ns")).isEqualTo(tr.get("timestamp_ns"));
    }

    @Test
    void holdsArePostedPartlyOrVoided() {
        wallet("hold-w", 100);
        merchant("hold-m");
        TestServer.Resp hold = t.post("/v1/transfers", "{\"id\":\"hold-a\",\"debit_account\":\"hold-w\","
                + "\"credit_account\":\"hold-m\",\"amount\":60,\"currency\":\"USD\",\"pending\":{\"timeout_s\":3600}}");
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(hold.json().get("status").asText()).isEqualTo("pending");
        assertThat(hold.json().get("pending").get("timeout_s").asLong()).isEqualTo(3600);
        assertThat(hold.json().get("pending").get("expires_at").asText()).matches(RFC3339_NANOS);
        JsonNode w = t.get("/v1/accounts/hold-w").json();
        assertThat(w.get("balance").asLong()).isEqualTo(100);
        assertThat(w.get("available").asLong()).isEqualTo(40);
        assertThat(w.get("debits_pending").asLong()).isEqualTo(60);

        TestServer.Resp tooMuch = t.transfer("hold-over", "hold-w", "hold-m", 41);
        assertThat(tooMuch.code()).as("holds count against available").isEqualTo("insufficient_funds");

        TestServer.Resp posted = t.post("/v1/transfers/hold-a/post", "{\"amount\":25}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("status").asText()).isEqualTo("posted");
        assertThat(posted.json().get("posted_amount").asLong()).isEqualTo(25);
        assertThat(posted.json().get("resolved_at").asText()).matches(RFC3339_NANOS);
        w = t.get("/v1/accounts/hold-w").json();
        assertThat(w.get("balance").asLong()).isEqualTo(75);
        assertThat(w.get("available").asLong()).isEqualTo(75);
        assertThat(t.balance("hold-m")).isEqualTo(25);
        TestServer.Resp retried = t.post("/v1/transfers/hold-a/post", "{\"amount\":25}");
        assertThat(retried.status()).as("a retried post is an idempotent repeat: " + retried.body()).isEqualTo(200);
        assertThat(retried.json().get("resolved_at")).isEqualTo(posted.json().get("resolved_at"));
        TestServer.Resp different = t.post("/v1/transfers/hold-a/post", "{\"amount\":30}");
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.code()).isEqualTo("already_posted");
        assertThat(t.post("/v1/transfers/hold-a/void", "").code()).isEqualTo("already_posted");
        assertThat(t.balance("hold-m")).isEqualTo(25);

        assertThat(t.post("/v1/transfers", "{\"id\":\"hold-b\",\"debit_account\":\"hold-w\",\"credit_account\":\"hold-m\","
                + "\"amount\":30,\"currency\":\"USD\",\"pending\":{\"timeout_s\":60}}").status()).isEqualTo(201);
        TestServer.Resp voided = t.post("/v1/transfers/hold-b/void", "");
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("voided");
        TestServer.Resp voidedAgain = t.post("/v1/transfers/hold-b/void", "{}");
        assertThat(voidedAgain.status()).as("a retried void is an idempotent repeat").isEqualTo(200);
        assertThat(voidedAgain.json().get("status").asText()).isEqualTo("voided");
        assertThat(t.post("/v1/transfers/hold-b/post", "").code()).isEqualTo("already_voided");
        assertThat(t.get("/v1/accounts/hold-w").json().get("available").asLong()).isEqualTo(75);

        assertThat(t.post("/v1/transfers", "{\"id\":\"hold-c\",\"debit_account\":\"hold-w\",\"credit_account\":\"hold-m\","
                + "\"amount\":5,\"currency\":\"USD\",\"pending\":{\"timeout_s\":60}}").status()).isEqualTo(201);
        TestServer.Resp full = t.send("POST", "/v1/transfers/hold-c/post", (String) null, t.operatorKey);
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        assertThat(full.json().get("posted_amount").asLong()).isEqualTo(5);
        assertThat(t.balance("hold-w")).isEqualTo(70);
    }

    @Test
    void atomicBatchesCommitAllOrNothing() {
        wallet("batch-w", 100);
        merchant("batch-m");
        merchant("batch-fee");
        String failing = batch(true, "ab-1", 50, "ab-2", 5, "ab-3", 500);
        TestServer.Resp r = t.post("/v1/transfers/batch", failing);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results).hasSize(3);
        List<String> codes = new ArrayList<>();
        for (JsonNode res : results) {
            assertThat(res.get("status").asText()).isEqualTo("error");
            codes.add(res.get("error").get("code").asText());
        }
        assertThat(codes).containsExactly("linked_transfer_failed", "linked_transfer_failed", "insufficient_funds");
        assertThat(results.get(0).get("id").asText()).isEqualTo("ab-1");
        assertThat(t.balance("batch-w")).isEqualTo(100);
        assertThat(t.get("/v1/transfers/ab-1").status()).isEqualTo(404);

        TestServer.Resp ok = t.post("/v1/transfers/batch", batch(true, "ab-4", 90, "ab-5", 10));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        for (JsonNode res : ok.json().get("results")) {
            assertThat(res.get("status").asText()).isEqualTo("ok");
            assertThat(res.get("transfer").get("status").asText()).isEqualTo("posted");
        }
        assertThat(t.balance("batch-w")).isZero();
        assertThat(t.balance("batch-m")).isEqualTo(90);
        assertThat(t.balance("batch-fee")).isEqualTo(10);
    }

    @Test
    void independentBatchItemsStandAlone() {
        wallet("ind-w", 10);
        merchant("ind-m");
        merchant("ind-fee");
        TestServer.Resp r = t.post("/v1/transfers/batch", batch(false, "ib-1", 6, "ib-2", 6, "ib-3", 4));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().get("results");
        assertThat(results.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(results.get(1).get("error").get("code").asText()).isEqualTo("insufficient_funds");
        assertThat(results.get(2).get("status").asText()).isEqualTo("ok");
        assertThat(t.balance("ind-w")).isZero();
        TestServer.Resp again = t.post("/v1/transfers/batch", batch(false, "ib-1", 6, "ib-2", 6, "ib-3", 4));
        assertThat(again.json().get("results").get(0).get("replayed").asBoolean()).isTrue();
        assertThat(t.balance("ind-w")).isZero();
    }

    /** Transfers from {@code <prefix>-w} alternating to {@code -m} and {@code -fee}: id, amount pairs. */
    private static String batch(boolean atomic, Object... idAmount) {
        String prefix = ((String) idAmount[0]).startsWith("ab") ? "batch" : "ind";
        StringBuilder b = new StringBuilder("{\"atomic\":" + atomic + ",\"transfers\":[");
        for (int i = 0; i < idAmount.length; i += 2) {
            String credit = prefix + (i / 2 % 2 == 0 ? "-m" : "-fee");
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idAmount[i]).append("\",\"debit_account\":\"")
                    .append(prefix).append("-w\",\"credit_account\":\"").append(credit).append("\",\"amount\":")
                    .append(idAmount[i + 1]).append(",\"currency\":\"USD\"}");
        }
        return b.append("]}").toString();
    }

    @Test
    void accountTransfersArePagedNewestFirst() {
        wallet("page-w", 1_000);
        merchant("page-m");
        for (int i = 0; i < 7; i++) {
            assertThat(t.transfer("page-" + i, "page-w", "page-m", i + 1).status()).isEqualTo(201);
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        long lastTs = Long.MAX_VALUE;
        int pages = 0;
        do {
            TestServer.Resp r = t.get("/v1/accounts/page-m/transfers?limit=3" + (cursor == null ? "" : "&cursor="
                    + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("data").size()).isLessThanOrEqualTo(3);
            for (JsonNode tr : r.json().get("data")) {
                ids.add(tr.get("id").asText());
                assertThat(tr.get("timestamp_ns").asLong()).isLessThan(lastTs);
                lastTs = tr.get("timestamp_ns").asLong();
            }
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(ids).containsExactly("page-6", "page-5", "page-4", "page-3", "page-2", "page-1", "page-0");
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).hasSize(7);
        TestServer.Resp dflt = t.get("/v1/accounts/page-w/transfers");
        assertThat(dflt.json().get("data").size()).isEqualTo(8);
        assertThat(dflt.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void frozenAccountsRefuseMoneyUntilUnfrozenAndCloseNeedsZero() {
        wallet("fr-w", 10);
        merchant("fr-m");
        TestServer.Resp frozen = t.post("/v1/accounts/fr-w/freeze", "");
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
        assertThat(frozen.json().get("status").asText()).isEqualTo("frozen");
        TestServer.Resp refused = t.transfer("fr-1", "fr-w", "fr-m", 1);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("account_frozen");
        assertThat(t.post("/v1/accounts/fr-w/unfreeze", "{}").json().get("status").asText()).isEqualTo("open");
        assertThat(t.transfer("fr-2", "fr-w", "fr-m", 10).status()).isEqualTo(201);
        TestServer.Resp notEmpty = t.post("/v1/accounts/fr-m/close", "");
        assertThat(notEmpty.code()).isEqualTo("account_not_empty");
        TestServer.Resp closed = t.post("/v1/accounts/fr-w/close", "");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("closed");
        assertThat(t.transfer("fr-3", "fr-m", "fr-w", 1).code()).isEqualTo("account_closed");
    }

    @Test
    void metricsCountCommittedTransfersAndRequests() {
        wallet("metric-w", 5);
        String metrics = t.send("GET", "/metrics", (String) null, null).body();
        assertThat(metrics).contains("farthing_http_requests_seconds_count{method=\"POST\",route=\"/v1/transfers\",status=\"201\"}");
        assertThat(metrics).containsPattern("farthing_transfers_committed_total [1-9]");
        assertThat(metrics).contains("farthing_breaker_open 0.0");
    }
}
