package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP connector against the provider simulator in its own process, on a manual clock. */
class HttpProviderConnectorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final String CORRIDORS = "\"corridors\":[{\"currency\":\"EUR\",\"country\":\"DE\",\"fixedFeeMinor\":25,\"basisPoints\":30}]";
    private static ProviderSimulatorProcess sim;

    @BeforeAll
    static void start() throws Exception {
        sim = ProviderSimulatorProcess.start("{\"seed\":7,\"manualClock\":true,\"start\":\"2026-01-05T09:00:00Z\","
                + "\"hangMillis\":6000,\"providers\":["
                + "{\"id\":\"steady\",\"apiKey\":\"k-steady\",\"settleAfterSeconds\":60," + CORRIDORS + "},"
                + "{\"id\":\"hangs-but-pays\",\"timeoutRate\":1,\"timeoutSucceededRate\":1," + CORRIDORS + "},"
                + "{\"id\":\"hangs-and-loses\",\"timeoutRate\":1,\"timeoutSucceededRate\":0," + CORRIDORS + "},"
                + "{\"id\":\"down\",\"refusalRate\":1," + CORRIDORS + "}]}");
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    /** Patient enough for a loaded CI machine. */
    private static HttpProviderConnector connector(String provider, String apiKey) {
        return new HttpProviderConnector(new HttpProviderConfig(provider, sim.providerUri(provider), apiKey,
                Duration.ofSeconds(5), Duration.ofSeconds(2)));
    }

    /** Gives up long before a simulated hang (6 s) ends. */
    private static HttpProviderConnector impatient(String provider) {
        return new HttpProviderConnector(new HttpProviderConfig(provider, sim.providerUri(provider), null,
                Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    private static PayoutInstruction payout(String id, String key, long amount, String country) {
        return new PayoutInstruction(key, id, "payee-" + id, "EUR", 2, amount, country, "Ada Creator",
                "DE89370400440532013000");
    }

    @Test
    void submitsPaysChargesTheCorridorFeeAndReportsItOnTheStatement() {
        try (HttpProviderConnector c = connector("steady", "k-steady")) {
            SubmitOutcome out = c.submit(payout("po-a", "po-a:steady:1", 10_000, "DE"));
            assertThat(out).isInstanceOf(SubmitOutcome.Accepted.class);
            String ref = ((SubmitOutcome.Accepted) out).providerReference();
            assertThat(c.status("po-a:steady:1")).isEqualTo(new ProviderStatus.Pending(ref));
            // Submitting again under the same key is the same payout, not a second one.
            assertThat(c.submit(payout("po-a", "po-a:steady:1", 10_000, "DE"))).isEqualTo(out);
            sim.advance(60);
            // 25 fixed + 30 bp of 100.00 = 25 + 30 = 55 minor units.
            assertThat(c.status("po-a:steady:1")).isEqualTo(new ProviderStatus.Paid(ref, 10_000, 55, DAY));
            List<StatementLine> lines = c.statement(DAY, DAY).stream().filter(l -> ref.equals(l.providerReference())).toList();
            assertThat(lines).containsExactlyInAnyOrder(
                    new StatementLine(ref + "-D", "po-a", ref, StatementLine.Kind.PAYOUT_DEBIT, "EUR", 10_000, DAY, "payout po-a"),
                    new StatementLine(ref + "-F", "po-a", ref, StatementLine.Kind.FEE, "EUR", 55, DAY, "fee for po-a"));
            assertThat(c.statement(DAY.plusDays(1), DAY.plusDays(2))).isEmpty();
            JsonNode books = sim.books().get("providers").get("steady");
            assertThat(books.findValuesAsText("idempotencyKey").stream().filter("po-a:steady:1"::equals)).hasSize(1);
            assertThat(c.cancel("po-a:steady:1")).as("a paid payout cannot be cancelled").isFalse();
        }
    }

    @Test
    void refusesWhatTheProviderRefusesAndSaysWhetherAnotherProviderMayTry() {
        try (HttpProviderConnector c = connector("steady", "k-steady")) {
            assertThat(c.submit(payout("po-b", "po-b:steady:1", 500, "DE"))).isInstanceOf(SubmitOutcome.Accepted.class);
            SubmitOutcome conflict = c.submit(payout("po-b", "po-b:steady:1", 501, "DE"));
            assertThat(conflict).isInstanceOf(SubmitOutcome.Refused.class);
            assertThat(((SubmitOutcome.Refused) conflict).retryable()).isFalse();
            SubmitOutcome corridor = c.submit(payout("po-c", "po-c:steady:1", 500, "JP"));
            assertThat(((SubmitOutcome.Refused) corridor).retryable()).as("another provider may serve JP").isTrue();
            assertThat(((SubmitOutcome.Refused) corridor).reason()).contains("corridor_unsupported");
            assertThat(c.status("never-submitted")).isEqualTo(new ProviderStatus.NotFound());
        }
        try (HttpProviderConnector wrongKey = connector("steady", "k-wrong")) {
            SubmitOutcome out = wrongKey.submit(payout("po-d", "po-d:steady:1", 500, "DE"));
            assertThat(((SubmitOutcome.Refused) out).retryable()).isFalse();
            assertThat(((SubmitOutcome.Refused) out).reason()).contains("401");
        }
        try (HttpProviderConnector down = connector("down", null)) {
            SubmitOutcome out = down.submit(payout("po-e", "po-e:down:1", 500, "DE"));
            assertThat(((SubmitOutcome.Refused) out).retryable()).isTrue();
            assertThat(down.status("po-e:down:1")).isEqualTo(new ProviderStatus.NotFound());
        }
    }

    @Test
    void cancelsAPendingPayout() {
        try (HttpProviderConnector c = connector("steady", "k-steady")) {
            String ref = ((SubmitOutcome.Accepted) c.submit(payout("po-f", "po-f:steady:1", 700, "DE"))).providerReference();
            assertThat(c.cancel("po-f:steady:1")).isTrue();
            assertThat(c.status("po-f:steady:1")).isEqualTo(new ProviderStatus.Failed(ref, "cancelled"));
            assertThat(c.cancel("never-submitted")).isFalse();
        }
    }

    @Test
    void aTimeoutIsUnknownAndTheStatusLaterTellsWhetherItPaidAnyway() throws Exception {
        try (HttpProviderConnector pays = impatient("hangs-but-pays");
             HttpProviderConnector loses = impatient("hangs-and-loses")) {
            long t0 = System.nanoTime();
            assertThat(pays.submit(payout("po-g", "po-g:hbp:1", 900, "DE"))).isInstanceOf(SubmitOutcome.Unknown.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("bounded by the request timeout, not the hang").isLessThan(Duration.ofSeconds(5));
            assertThat(loses.submit(payout("po-h", "po-h:hal:1", 900, "DE"))).isInstanceOf(SubmitOutcome.Unknown.class);
            // While the provider keeps hanging, status cannot be known either.
            assertThat(pays.status("po-g:hbp:1")).isInstanceOf(ProviderStatus.Unreachable.class);
        }
        sim.reconfigure("hangs-but-pays", "{\"id\":\"hangs-but-pays\"," + CORRIDORS + "}");
        sim.reconfigure("hangs-and-loses", "{\"id\":\"hangs-and-loses\"," + CORRIDORS + "}");
        try (HttpProviderConnector pays = connector("hangs-but-pays", null);
             HttpProviderConnector loses = connector("hangs-and-loses", null)) {
            assertThat(pays.status("po-g:hbp:1")).as("the timed-out submit was recorded").isInstanceOf(ProviderStatus.Pending.class);
            assertThat(loses.status("po-h:hal:1")).as("the timed-out submit never arrived").isEqualTo(new ProviderStatus.NotFound());
        }
    }

    @Test
    void aProviderNobodyListensForIsNeverConnectedSoTheSubmitIsSafelyRefused() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpProviderConnector c = new HttpProviderConnector(new HttpProviderConfig("gone",
                URI.create("http://127.0.0.1:" + closedPort + "/p/gone/"), null, Duration.ofMillis(300), Duration.ofMillis(300)))) {
            SubmitOutcome out = c.submit(payout("po-i", "po-i:gone:1", 100, "DE"));
            assertThat(out).isInstanceOf(SubmitOutcome.Refused.class);
            assertThat(((SubmitOutcome.Refused) out).retryable()).isTrue();
            assertThat(c.status("po-i:gone:1")).isInstanceOf(ProviderStatus.Unreachable.class);
            assertThat(c.cancel("po-i:gone:1")).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.statement(DAY, DAY))
                    .isInstanceOf(ProviderCallException.class);
        }
    }
}
