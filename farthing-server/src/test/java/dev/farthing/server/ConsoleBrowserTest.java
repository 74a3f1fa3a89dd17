package dev.farthing.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console end to end in real, headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs): log in, work a review, assign, an XSS probe rendered inert, CSRF refused without the
 * token, the CSP in force, a chart that moves. Skips with a message when chromium is absent. With
 * {@code -Dfarthing.console.screenshots=true} it saves a screenshot of each page into {@code docs/console/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String XSS_UA = "<img src=x onerror=\"window.__xss='ua'\">";
    static final String XSS_CONTENT = "<script>window.__xss='content'</script>";
    static final String POLICY = """
            policy console_test
            rule review_88:
                payment.amount == 88
              => review "test_review" "amount 88"
            rule challenge_77:
                payment.amount == 77
              => challenge "test_challenge" "amount 77"
            """;

    @TempDir
    static Path dir;
    static TestServer t;
    static WebDriver browser;
    static FluentWait<WebDriver> wait;
    static String base;
    /** The first console user: admin, who may look at the reviews but not decide them (four eyes). */
    static String consoleKey;
    static String consoleRole = "admin";
    /** Works the reviews and the dispute. */
    static String reviewerKey;

    @BeforeAll
    static void start() throws Exception {
        if (!ConsoleBrowser.available()) {
            System.err.println(ConsoleBrowser.whyAbsent()); // every test then skips with the same message
            return;
        }
        t = TestServer.start(dir);
        base = "http://127.0.0.1:" + t.server.port();
        consoleKey = t.adminKey;
        reviewerKey = ApiKeys.create(t.dataDir, Role.REVIEWER, "console e2e reviewer");
        for (String[] a : new String[][]{{"alice", "wallet"}, {"carol", "wallet"}, {"bob", "merchant"}, {"platform", "fee"}, {"bank", "settlement"}}) {
            assertThat(t.createAccount(a[0], a[1]).status()).isEqualTo(201);
        }
        assertThat(t.transfer("fund", "bank", "alice", 1_000_000).status()).isEqualTo(201);
        assertThat(t.transfer("fund-c", "bank", "carol", 1_000_000).status()).isEqualTo(201);
        TestServer.Resp put = t.send("PUT", "/v1/policies",
                TestServer.MAPPER.createObjectNode().put("source", POLICY).toString(), t.adminKey);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        pay("rv-1", "alice", 88, "Mozilla/5.0 (review me)", "video-1", "phone-a");
        pay("rv-2", "alice", 88, "Mozilla/5.0", "video-2", "phone-a");
        pay("rv-3", "carol", 88, "Mozilla/5.0", "video-2", "phone-a");
        pay("ch-1", "alice", 77, "Mozilla/5.0", "video-3", "tablet-a");
        pay("xss-1", "alice", 12, XSS_UA, XSS_CONTENT, "phone-a");
        pay("c-1", "carol", 15, "Mozilla/5.0", "video-4", "phone-c");
        // A dispute a reviewer must decide: the delivery record contradicts the claim, so it is not auto-won.
        pay("dp-1", "alice", 1010, "Mozilla/5.0", "video-42", "phone-a");
        assertThat(t.post("/v1/deliveries", "{\"payment_id\":\"dp-1\",\"content_id\":\"video-42\","
                + "\"delivered_at\":\"2026-12-01T10:15:00Z\",\"progress\":0.7}").status()).isEqualTo(201);
        TestServer.Resp dispute = t.post("/v1/disputes",
                "{\"id\":\"dsp-1\",\"payment_id\":\"dp-1\",\"claimant\":\"alice\",\"reason\":\"not_delivered\"}");
        assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
        assertThat(dispute.json().path("state").asText()).isIn("evidence", "escalated");

        browser = ConsoleBrowser.start();
        wait = ConsoleBrowser.waiting(browser);
    }

    /** Skips each test (counted as skipped, with the reason) when there is no browser to drive. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.whyAbsent());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (t != null) {
            t.close();
        }
    }

    static void pay(String id, String payer, long amount, String userAgent, String contentId, String device) {
        String body = TestServer.MAPPER.createObjectNode().put("id", id).put("payer", payer).put("payee", "bob")
                .put("amount", amount).put("currency", "USD")
                .set("context", TestServer.MAPPER.createObjectNode().put("device_id", device)
                        .put("ip", "10.0.0.7").put("user_agent", userAgent).put("content_id", contentId))
                .toString();
        TestServer.Resp r = t.post("/v1/payments", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    static WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    static void screenshot(String name) throws Exception {
        ConsoleBrowser.screenshot(browser, name);
    }

    @Test
    @Order(1)
    void logsInWithAConsoleKeyAndTheSecureCookieWorksOnLocalhost() throws Exception {
        browser.get(base + "/console");
        waitFor("#api-key");
        screenshot("login");
        browser.findElement(By.id("api-key")).sendKeys("fk_wrong");
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "unknown or revoked"));
        browser.findElement(By.id("api-key")).clear();
        browser.findElement(By.id("api-key")).sendKeys(consoleKey);
        browser.findElement(By.id("login-submit")).click();
        assertThat(waitFor("#who").getText()).endsWith(consoleRole);
        // The cookie is HttpOnly (no script sees it), yet the browser keeps and sends it over plain http to 127.0.0.1.
        assertThat((String) js("return document.cookie")).doesNotContain("farthing_console");
        browser.navigate().refresh();
        assertThat(waitFor("#who").getText()).endsWith(consoleRole);
    }

    @Test
    @Order(2)
    void theContentSecurityPolicyIsSentAndEnforced() {
        TestServer.Resp page = t.send("GET", "/console", (String) null, null);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline");
        // An inline script a page might be tricked into inserting does not run.
        js("const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s);");
        assertThat(js("return window.__inline === undefined")).isEqualTo(true);
    }

    @Test
    @Order(3)
    void adminSeesTheReviewsButIsToldOnlyAReviewerMayDecideThem() {
        browser.get(base + "/console#/queues/review");
        waitFor("#queue-table tr[data-id='rv-1']").click();
        assertThat(waitFor("#queue-role-note").getText())
                .contains("Your role (admin) may look but not act here").contains("reviewer key").contains("four eyes");
        assertThat(browser.findElement(By.id("action-approve")).isEnabled()).isFalse();
        new Actions(browser).sendKeys("a").perform();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Approve: not done."));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("may look but not act");
        assertThat(t.get("/v1/payments/rv-1").json().path("status").asText()).isEqualTo("held");
        // The note only says what the server enforces: the same decision from the admin key is refused there.
        TestServer.Resp refused = t.send("POST", "/v1/reviews/rv-1", "{\"verdict\":\"approve\"}", consoleKey);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asText()).isEqualTo("reviewer_required");
    }

    @Test
    @Order(4)
    void worksAReviewFromTheQueueWithKeyboardShortcuts() throws Exception {
        assertThat(ConsoleBrowser.login(browser, wait, base + "/console", reviewerKey)).endsWith("reviewer");
        browser.get(base + "/console#/queues/review");
        waitFor("#queue-table tr[data-id='rv-1']");
        assertThat(browser.findElement(By.id("queue-role-note")).isDisplayed()).isFalse();
        screenshot("queues");
        WebElement row = browser.findElement(By.cssSelector("#queue-table tr[data-id='rv-1']"));
        row.click();
        new Actions(browser).sendKeys("m").perform();
        wait.until(d -> "me".equals(d.findElement(By.cssSelector("#queue-table tr[data-id='rv-1'] td.assignee")).getText()));
        browser.findElement(By.cssSelector("#queue-table tr[data-id='rv-1']")).click();
        new Actions(browser).sendKeys("a").perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#queue-table tr[data-id='rv-1']")));
        assertThat(t.get("/v1/payments/rv-1").json().path("status").asText()).isEqualTo("posted");
        assertThat(t.get("/v1/payments/rv-2").json().path("status").asText()).isEqualTo("held");
        // Bulk: select both remaining reviews (x, j, x) and decline them at once (d).
        waitFor("#queue-table tr.cursor");
        new Actions(browser).sendKeys("k").sendKeys("k").sendKeys("x").sendKeys("j").sendKeys("x").perform();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table input.row-select:checked")).size() == 2);
        new Actions(browser).sendKeys("d").perform();
        wait.until(d -> d.findElements(By.cssSelector("#queue-table tbody tr")).isEmpty());
        assertThat(t.get("/v1/payments/rv-2").json().path("status").asText()).isEqualTo("voided");
        assertThat(t.get("/v1/payments/rv-3").json().path("status").asText()).isEqualTo("voided");
    }

    @Test
    @Order(5)
    void anXssProbeInAPaymentsMetadataIsShownLiterallyAndRunsNothing() throws Exception {
        js("window.__xss = undefined");
        browser.get(base + "/console#/entity/payment/xss-1");
        WebElement row = waitFor("#entity-payments tr[data-payment='xss-1']");
        List<WebElement> meta = row.findElements(By.cssSelector("td.meta"));
        assertThat(meta.get(0).getText()).isEqualTo(XSS_UA);
        assertThat(meta.get(1).getText()).isEqualTo(XSS_CONTENT);
        assertThat(row.findElements(By.tagName("img"))).isEmpty();
        assertThat(row.findElements(By.tagName("script"))).isEmpty();
        Thread.sleep(200); // an onerror would have fired by now
        assertThat(js("return window.__xss === undefined")).isEqualTo(true);
        waitFor("#entity-graph");
        browser.get(base + "/console#/entity/account/alice");
        waitFor("#entity-graph g.node.centre");
        assertThat(browser.findElements(By.cssSelector("#entity-graph g.node.device"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#entity-payments tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
        screenshot("entity");
    }

    @Test
    @Order(6)
    void aStateChangeWithoutTheCsrfTokenIsRefused() {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/v1/assignments', {method: 'POST', credentials: 'same-origin',
                  headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify({kind: 'review', ids: ['rv-2'], assignee: 'me'})})
                  .then(async (r) => done(r.status + ' ' + (await r.json()).code));
                """);
        assertThat(status).isEqualTo("403 csrf_refused");
        assertThat(t.get("/v1/assignments").json().path("items").toString()).doesNotContain("rv-2");
    }

    @Test
    @Order(7)
    void theChartsMoveWithNewPayments() throws Exception {
        browser.get(base + "/console#/charts");
        WebElement total = waitFor("#decisions-total");
        long before = Long.parseLong(total.getText());
        String line = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#svg-rate path.series")))
                .getAttribute("d");
        for (int i = 0; i < 5; i++) {
            pay("chart-" + i, "alice", 5 + i, "Mozilla/5.0", "video-9", "phone-a");
        }
        wait.until(d -> Long.parseLong(d.findElement(By.id("decisions-total")).getText()) >= before + 5);
        wait.until(d -> !line.equals(d.findElement(By.cssSelector("#svg-rate path.series")).getAttribute("d")));
        if (ConsoleBrowser.SCREENSHOTS) {
            for (int i = 0; i < 30; i++) { // a few seconds of traffic, so the picture shows more than one step
                pay("chart-more-" + i, i % 3 == 0 ? "carol" : "alice", i % 7 == 0 ? 88 : 20 + i, "Mozilla/5.0", "video-9", "phone-a");
                Thread.sleep(100);
            }
            screenshot("charts");
        }
    }

    @Test
    @Order(8)
    void aReviewerDecidesADisputeFromItsQueue() throws Exception {
        assertThat(ConsoleBrowser.login(browser, wait, base + "/console", reviewerKey)).endsWith("reviewer");
        browser.get(base + "/console#/queues/dispute");
        new org.openqa.selenium.support.ui.Select(waitFor("#filter-state")).selectByValue("all");
        waitFor("#queue-table tr[data-id='dsp-1']").click();
        assertThat(browser.findElements(By.id("tab-case"))).as("the AML queue is compliance's").isEmpty();
        screenshot("disputes");
        new Actions(browser).sendKeys("l").perform();
        wait.until(d -> d.findElement(By.cssSelector("#queue-table tr[data-id='dsp-1'] td.state")).getText().equals("decided"));
        TestServer.Resp decided = t.get("/v1/disputes/dsp-1");
        assertThat(decided.json().path("state").asText()).isEqualTo("decided");
        assertThat(decided.json().path("outcome").asText()).isEqualTo("lost");
        assertThat(decided.json().path("automatic").asBoolean()).isFalse();
    }

    @Test
    @Order(10)
    void theAuditLogIsSearchableBySubject() throws Exception {
        browser.get(base + "/console#/audit?subject=payment:rv-1");
        wait.until(d -> d.findElements(By.cssSelector("#audit-table td.action")).stream()
                .anyMatch(e -> e.getText().equals("review.decided")));
        assertThat(browser.findElements(By.cssSelector("#audit-table tbody tr")))
                .allSatisfy(row -> assertThat(row.getText()).contains("payment:rv-1"));
        browser.findElement(By.id("audit-subject")).clear();
        browser.findElement(By.id("audit-action")).sendKeys("dispute.");
        browser.findElement(By.id("audit-search")).click();
        wait.until(d -> d.findElements(By.cssSelector("#audit-table td.action")).stream()
                .anyMatch(e -> e.getText().startsWith("dispute.")));
        browser.get(base + "/console#/audit");
        waitFor("#audit-table tbody tr");
        screenshot("audit");
    }

    @Test
    @Order(9)
    void complianceWorksAnAmlCase() throws Exception {
        String complianceKey = ApiKeys.create(t.dataDir, Role.COMPLIANCE, "console e2e compliance");
        TestServer.Resp opened = t.send("POST", "/v1/cases",
                "{\"subject\":\"carol\",\"reason\":\"asked how to stay under the reporting threshold\"}", complianceKey);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String caseId = opened.json().path("id").asText();
        assertThat(ConsoleBrowser.login(browser, wait, base + "/console", complianceKey)).endsWith("compliance");
        browser.get(base + "/console#/queues/case");
        waitFor("#queue-table tr[data-id='" + caseId + "']").click();
        new Actions(browser).sendKeys("m").perform();
        wait.until(d -> "me".equals(d.findElement(By.cssSelector("#queue-table tr[data-id='" + caseId + "'] td.assignee")).getText()));
        browser.findElement(By.cssSelector("#queue-table tr[data-id='" + caseId + "']")).click();
        new Actions(browser).sendKeys("i").perform();
        wait.until(d -> d.findElement(By.cssSelector("#queue-table tr[data-id='" + caseId + "'] td.state")).getText().equals("investigating"));
        screenshot("cases");
        assertThat(t.send("GET", "/v1/cases/" + caseId, (String) null, complianceKey).json().path("state").asText())
                .isEqualTo("investigating");
        assertThat(browser.findElements(By.id("tab-case"))).hasSize(1);
    }

    @Test
    @Order(11)
    void logsOut() {
        browser.get(base + "/console#/queues");
        waitFor("#logout").click();
        waitFor("#api-key");
        TestServer.Resp r = t.send("GET", "/v1/assignments", (String) null, null);
        assertThat(r.status()).isEqualTo(401);
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/v1/reviews').then((r) => done(r.status));");
        assertThat(status).isEqualTo(401L);
    }
}
