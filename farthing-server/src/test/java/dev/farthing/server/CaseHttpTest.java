package dev.farthing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.compliance.reports.SarXmlRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monitoring alerts become cases the compliance role works over HTTP: read, assign, decide with four eyes, and
 * download the SAR and CTR drafts; a restart neither loses nor repeats an alert.
 */
class CaseHttpTest {
    static final long USD = 1_000_000;
    @TempDir Path dir;

    private static JsonNode awaitCases(TestServer t, String key, int count) {
        long until = System.nanoTime() + 20_000_000_000L;
        JsonNode data;
        do {
            data = t.send("GET", "/v1/cases", (String) null, key).json().path("data");
            if (data.size() >= count) return data;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        } while (System.nanoTime() < until);
        throw new AssertionError("no case appeared: " + data);
    }

    @Test
    void structuringBecomesACaseWorkedWithFourEyesAndDraftedAsSarAndCtr() {
        String caseId;
        try (TestServer t = TestServer.start(dir)) {
            String alice = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "alice");
            String bob = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "bob");
            assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
            assertThat(t.createAccount("w1", "wallet").status()).isEqualTo(201);
            for (int i = 1; i <= 3; i++) assertThat(t.transfer("dep-" + i, "bank", "w1", 9_500 * USD).status()).isEqualTo(201);

            JsonNode list = awaitCases(t, alice, 1);
            assertThat(list.path(0).path("subject").asText()).isEqualTo("w1");
            assertThat(list.path(0).path("state").asText()).isEqualTo("open");
            caseId = list.path(0).path("id").asText();
            assertThat(t.send("GET", "/v1/cases", (String) null, t.operatorKey).status()).isEqualTo(403);
            assertThat(t.send("GET", "/v1/cases", (String) null, t.auditorKey).status()).isEqualTo(403);
            assertThat(t.send("GET", "/v1/cases/case-99", (String) null, alice).code()).isEqualTo("case_not_found");

            JsonNode c = t.send("GET", "/v1/cases/" + caseId, (String) null, alice).json();
            JsonNode structuring = null;
            for (JsonNode a : c.path("alerts")) if (a.path("scenario").asText().equals("structuring")) structuring = a;
            assertThat(structuring).as(c.toString()).isNotNull();
            assertThat(structuring.path("transfer_ids").toString()).contains("dep-1", "dep-2", "dep-3");
            assertThat(structuring.path("reason").asText()).contains("10,000.000000 USD");
            assertThat(c.path("sar_due_at").asText()).isNotBlank();

            assertThat(t.send("POST", "/v1/cases", "{\"subject\":\"w1\",\"reason\":\"referral\"}", alice).code()).isEqualTo("case_open");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/assign", "{\"assignee\":\"alice\",\"x\":1}", alice).code()).isEqualTo("invalid_request");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/assign", "{\"assignee\":\"alice\"}", alice).json().path("assignee").asText()).isEqualTo("alice");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"propose_sar\"}", alice).code()).isEqualTo("case_invalid_transition");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"investigate\"}", alice).json().path("state").asText()).isEqualTo("investigating");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/notes", "{\"text\":\"no source of funds given\"}", alice).status()).isEqualTo(200);
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"escalate\",\"note\":\"two requests unanswered\"}", alice)
                    .json().path("state").asText()).isEqualTo("escalated");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"propose_sar\"}", alice).json().path("sar_proposed_by").asText()).isNotBlank();
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"approve_sar\"}", alice).code()).isEqualTo("case_four_eyes");

            TestServer.Resp sar = t.send("GET", "/v1/cases/" + caseId + "/sar?subject_name=ROE,%20Richard", (String) null, alice);
            assertThat(sar.status()).as(sar.body()).isEqualTo(200);
            assertThat(SarXmlRules.check(sar.body())).isEmpty();
            assertThat(sar.body()).contains("SARX").contains("ROE, Richard").contains("two requests unanswered").contains("structuring");

            JsonNode ctr = t.send("GET", "/v1/cases/" + caseId + "/ctr", (String) null, alice).json();
            assertThat(ctr.path("lines").path(0).path("cash_in").asLong()).isEqualTo(19_000 * USD);

            JsonNode filed = t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"approve_sar\"}", bob).json();
            assertThat(filed.path("state").asText()).isEqualTo("sar_filed");
            assertThat(filed.path("audit_trail").toString()).contains("approved the SAR filing");
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/notes", "{\"text\":\"late\"}", alice).status()).isEqualTo(200);
            assertThat(t.send("POST", "/v1/cases/" + caseId + "/decision", "{\"decision\":\"close_no_action\"}", alice).code()).isEqualTo("case_closed");
        }
        try (TestServer t = TestServer.start(dir)) {
            String carol = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "carol");
            JsonNode all = t.send("GET", "/v1/cases", (String) null, carol).json().path("data");
            assertThat(all).hasSize(1);
            JsonNode c = t.send("GET", "/v1/cases/" + caseId, (String) null, carol).json();
            assertThat(c.path("state").asText()).isEqualTo("sar_filed");
            assertThat(c.path("alert_count").asInt()).as("no alert raised twice after the restart").isEqualTo(c.path("alerts").size());
            assertThat(t.send("GET", "/v1/cases?state=open", (String) null, carol).json().path("data")).isEmpty();
        }
    }
}
