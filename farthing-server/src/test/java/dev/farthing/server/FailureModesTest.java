package dev.farthing.server;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.SystemAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the HTTP layer reports a ledger that refuses with an open breaker, is overloaded, fails or misbehaves.
 * Uses a scripted stand-in ledger, since a real one cannot be made to fail on cue.
 */
class FailureModesTest {
    static final String TRANSFER = "{\"id\":\"t1\",\"debit_account\":\"a\",\"credit_account\":\"b\",\"amount\":5,\"currency\":\"USD\"}";
    @TempDir
    Path dir;
    TestServer t;
    volatile boolean breakerOpen;
    volatile Function<Object[], Object> onCreateTransfers = args -> CompletableFuture.completedFuture(List.of());
    volatile Function<Object[], Object> onCreateTransfer = args -> CompletableFuture.completedFuture(
            Outcome.fail(ErrorCode.CIRCUIT_OPEN, "money movement is stopped"));

    @BeforeEach
    void start() {
        Ledger fake = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[]{Ledger.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "health" -> new LedgerHealth(breakerOpen, breakerOpen ? "USD debits != credits by 5" : null,
                            1_700_000_000_000_000_000L, 9, 2, 0, 3, 0);
                    case "close", "resetBreaker" -> null;
                    case "currencies" -> LedgerConfig.DEFAULT_CURRENCIES; // the customers service scales its KYC caps by them
                    case "system" -> systemHandle((String) args[0]);
                    case "events" -> QUIET_TAIL; // AML monitoring follows the tail: here it never moves
                    case "createTransfer" -> onCreateTransfer.apply(args);
                    case "createTransfers" -> onCreateTransfers.apply(args);
                    case "snapshot" -> throw new IllegalStateException("cannot snapshot now: unavailable");
                    case "lookupAccount" -> CompletableFuture.failedFuture(new IllegalStateException("the ledger is closed"));
                    case "hashCode" -> 1;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scripted ledger";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        String admin = ApiKeys.initialise(dir);
        t = new TestServer(FarthingServer.serve(new ServerOptions(dir, "127.0.0.1", 0, LedgerConfig.defaults(dir)),
                fake, admin), dir);
    }

    /** An event tail that never has an event (the scripted ledger commits nothing). */
    static final dev.farthing.ledger.api.LedgerEventTail QUIET_TAIL = new dev.farthing.ledger.api.LedgerEventTail() {
        @Override
        public dev.farthing.ledger.api.EventPage read(dev.farthing.ledger.api.EventPosition after, int max) {
            return new dev.farthing.ledger.api.EventPage(List.of(), after, after);
        }

        @Override
        public dev.farthing.ledger.api.EventPage await(dev.farthing.ledger.api.EventPosition after, int max,
                                                       java.time.Duration timeout) throws InterruptedException {
            Thread.sleep(timeout.toMillis());
            return read(after, max);
        }

        @Override
        public dev.farthing.ledger.api.EventPosition head() {
            return dev.farthing.ledger.api.EventPosition.START;
        }
    };

    /** The domain services' handles: enough to start (no client-made accounts, checks accepted), no money. */
    private static SystemLedger systemHandle(String module) {
        return (SystemLedger) Proxy.newProxyInstance(SystemLedger.class.getClassLoader(), new Class<?>[]{SystemLedger.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "module" -> module;
                    case "prefix" -> SystemAccounts.prefixOf(module);
                    case "clientMadeAccounts" -> List.of();
                    case "addReconciliation", "removeReconciliation", "close" -> null;
                    case "hashCode" -> 2;
                    case "equals" -> proxy == args[0];
                    case "toString" -> "scripted " + module + " handle";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @AfterEach
    void stop() {
        t.close();
    }

    @Test
    void anOpenBreakerIs503OnHealthAndForMoneyMovement() {
        breakerOpen = true;
        TestServer.Resp health = t.send("GET", "/health", (String) null, null);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asText()).isEqualTo("circuit_open");
        assertThat(health.json().get("breaker_reason").asText()).contains("USD");
        TestServer.Resp refused = t.post("/v1/transfers", TRANSFER);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("circuit_open");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(t.send("GET", "/metrics", (String) null, null).body()).contains("farthing_breaker_open 1.0");
        onCreateTransfers = args -> CompletableFuture.completedFuture(java.util.Collections.nCopies(
                ((List<?>) args[0]).size(), Outcome.fail(ErrorCode.CIRCUIT_OPEN, "money movement is stopped")));
        TestServer.Resp batch = t.post("/v1/transfers/batch", "{\"transfers\":[" + TRANSFER + "," + TRANSFER.replace("t1", "t2") + "]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(503);
        assertThat(batch.code()).isEqualTo("circuit_open");
    }

    @Test
    void overloadIs503WithRetryAfter() {
        onCreateTransfer = args -> CompletableFuture.completedFuture(Outcome.fail(ErrorCode.OVERLOADED, "queue full"));
        TestServer.Resp r = t.post("/v1/transfers", TRANSFER);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("overloaded");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aFailedOrThrowingLedgerIs503Unavailable() {
        TestServer.Resp closed = t.get("/v1/accounts/a");
        assertThat(closed.status()).isEqualTo(503);
        assertThat(closed.code()).isEqualTo("unavailable");
        onCreateTransfer = args -> {
            throw new IllegalStateException("closed");
        };
        assertThat(t.post("/v1/transfers", TRANSFER).code()).isEqualTo("unavailable");
        TestServer.Resp snap = t.send("POST", "/v1/admin/snapshot", "", t.adminKey);
        assertThat(snap.status()).isEqualTo(503);
        assertThat(snap.code()).isEqualTo("unavailable");
    }

    @Test
    void anUnexpectedFailureIs500ProblemWithoutDetailsLeaking() {
        TestServer.Resp r = t.post("/v1/transfers/batch", "{\"transfers\":[" + TRANSFER + "]}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("internal");
        assertThat(r.body()).doesNotContain("IllegalStateException");
    }
}
