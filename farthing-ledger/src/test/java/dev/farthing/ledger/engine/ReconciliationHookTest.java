package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.ReconciliationCheck;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.farthing.ledger.engine.SystemAccountsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** A module's reconciliation check joins continuous reconciliation: its breach trips the breaker within 1 s. */
class ReconciliationHookTest {
    @TempDir
    Path dir;

    @Test
    void aModuleBreachTripsTheBreakerWithinOneSecondAndAClosedHandleStopsChecking() throws Exception {
        try (Ledger ledger = LedgerEngine.open(LedgerConfig.defaults(dir).withFsync(false))) {
            ok(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).join());
            ok(ledger.createAccount(new NewAccount("alice", "USD", AccountKind.WALLET, null, 0, Map.of())).join());
            AtomicReference<String> breach = new AtomicReference<>();
            AtomicInteger runs = new AtomicInteger();
            ReconciliationCheck check = () -> {
                runs.incrementAndGet();
                return breach.get();
            };
            SystemLedger module = ledger.system("testmod");
            module.addReconciliation(check);
            module.addReconciliation(() -> {
                throw new IllegalStateException("cannot look right now"); // not a breach
            });
            waitFor(() -> runs.get() >= 3, 2_000);
            assertThat(ledger.health().breakerOpen()).isFalse();

            long injected = System.nanoTime();
            breach.set("escrow holds 50000 but channels lock 100000");
            waitFor(() -> ledger.health().breakerOpen(), 5_000);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - injected);
            assertThat(tookMs).as("breaker trip latency").isLessThan(1_000);
            assertThat(ledger.health().breakerReason()).isEqualTo("testmod: escrow holds 50000 but channels lock 100000");
            assertThat(ledger.createTransfer(NewTransfer.simple("t", "bank", "alice", 1, "USD")).join().error())
                    .isEqualTo(ErrorCode.CIRCUIT_OPEN);

            module.close(); // its checks go with it
            Thread.sleep(2 * ReconciliationHooks.INTERVAL_MS); // a round already under way when it closed ends
            int seen = runs.get();
            ledger.resetBreaker("operator");
            Thread.sleep(3 * ReconciliationHooks.INTERVAL_MS);
            assertThat(runs.get()).isEqualTo(seen);
            assertThat(ledger.health().breakerOpen()).isFalse();
            ok(ledger.createTransfer(NewTransfer.simple("t", "bank", "alice", 1, "USD")).join());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
