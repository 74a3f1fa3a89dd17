package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reconciliation circuit breaker, end to end and without test hooks: the on-disk index is given an
 * entry the ledger's balances do not account for (as a damaged or tampered index would be), the continuous
 * sampled reconciliation finds it, and the breaker stops money movement while reads go on. An operator
 * reset over a discrepancy that is still there trips again; once it is gone, a reset reopens the ledger
 * for good.
 *
 * <p>The discrepancy is a "ghost" hold in the index, debiting an account that has no real entries, which
 * the index says was voided at a future ledger time: until ledger time passes that instant it counts as
 * pending (a discrepancy), afterwards as nothing (agreement). Moving the test clock is the "fix".
 */
class BreakerTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aDiscrepancyStopsMoneyMovementButNotReadsUntilAnOperatorResets() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2032-06-01T00:00:00Z"), 1_000);
        LedgerConfig config = LedgerConfig.defaults(dir);
        try (Ledger ledger = LedgerEngine.open(config, clock)) {
            ok(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, null, 0, Map.of())).join());
            for (String id : List.of("alice", "bob", "ghost-a", "ghost-b")) {
                ok(ledger.createAccount(new NewAccount(id, "USD", AccountKind.WALLET, null, 0, Map.of())).join());
            }
            ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "alice", 100, "USD")).join());
            ok(ledger.createTransfer(new NewTransfer("hold", "alice", "bob", 10, "USD", null, null, Map.of(), 86_400)).join());
        }
        long now = clock.nanos();
        long healsAt = now + 3_600 * SECOND;
        try (TransferIndex index = new TransferIndex(dir.resolve("index"))) {
            TransferIndex.Position at = index.position();
            TransferView ghost = new TransferView("ghost", "ghost-a", "ghost-b", 7, "USD", null, null, Map.of(), 60,
                    now - SECOND, TransferStatus.PENDING, 0, now + 59 * SECOND, 0);
            index.write(List.of(new LedgerEvent.TransferCommitted(ghost),
                    new LedgerEvent.PendingResolved(healsAt, "ghost", TransferStatus.VOIDED, 0)), at.sequence(), at.timestamp());
        }

        try (Ledger ledger = LedgerEngine.open(config, clock)) {
            LedgerEngine engine = (LedgerEngine) ledger;
            await(() -> ledger.health().breakerOpen(), "the reconciler to find the ghost entry");
            LedgerHealth tripped = ledger.health();
            assertThat(tripped.breakerReason()).contains("ghost-");
            assertThat(engine.breakerTrips()).isEqualTo(1);
            long sequence = tripped.journalSequence();

            // Money movement stops...
            assertThat(ledger.createTransfer(NewTransfer.simple("t1", "alice", "bob", 1, "USD")).join().error())
                    .isEqualTo(ErrorCode.CIRCUIT_OPEN);
            List<NewTransfer> pair = List.of(NewTransfer.simple("t2", "bank", "alice", 1, "USD"),
                    NewTransfer.simple("t3", "alice", "bob", 1, "USD"));
            for (boolean atomic : List.of(true, false)) {
                assertThat(ledger.createTransfers(pair, atomic).join()).extracting(Outcome::error)
                        .containsOnly(ErrorCode.CIRCUIT_OPEN);
            }
            assertThat(ledger.postPending("hold", 0).join().error()).isEqualTo(ErrorCode.CIRCUIT_OPEN);
            assertThat(ledger.voidPending("hold").join().error()).isEqualTo(ErrorCode.CIRCUIT_OPEN);
            assertThat(ledger.lookupTransfer("t1").join().error()).isEqualTo(ErrorCode.NOT_FOUND);

            // ...reads go on.
            AccountView alice = ok(ledger.lookupAccount("alice").join());
            assertThat(alice.balance()).isEqualTo(100);
            assertThat(alice.available()).isEqualTo(90);
            assertThat(ok(ledger.lookupTransfer("fund").join()).amount()).isEqualTo(100);
            assertThat(ok(ledger.lookupTransfer("hold").join()).status()).isEqualTo(TransferStatus.PENDING);
            assertThat(ok(ledger.listAccountTransfers("alice", 10, null).join()).items())
                    .extracting(TransferView::id).containsExactly("hold", "fund");
            assertThat(ledger.health().journalSequence()).as("nothing was journaled").isEqualTo(sequence);

            // A reset while the discrepancy is still there: the reconciler trips the breaker again.
            ledger.resetBreaker("test-operator");
            await(() -> engine.breakerTrips() == 2 && ledger.health().breakerOpen(), "the breaker to trip again");
            assertThat(ok(ledger.lookupAccount("alice").join()).balance()).isEqualTo(100);

            // The discrepancy goes away (ledger time passes the ghost's voiding: account opening is not money
            // movement, so it still works and moves ledger time), the operator resets, money moves again.
            clock.advanceNanos(healsAt - clock.nanos() + SECOND);
            ok(ledger.changeAccountStatus("ghost-b", AccountStatus.FROZEN).join());
            Thread.sleep(1_500); // samples taken before the change have been judged
            ledger.resetBreaker("test-operator");
            assertThat(ledger.health().breakerOpen()).isFalse();
            assertThat(ok(ledger.createTransfer(NewTransfer.simple("t4", "alice", "bob", 1, "USD")).join()).amount()).isEqualTo(1);
            assertThat(ok(ledger.postPending("hold", 4).join()).postedAmount()).isEqualTo(4);
            Thread.sleep(1_500); // several more samples: it stays closed
            assertThat(ledger.health().breakerOpen()).as(ledger.health().breakerReason()).isFalse();
            assertThat(engine.breakerTrips()).isEqualTo(2);
            AccountView after = ok(ledger.lookupAccount("alice").join());
            assertThat(after.balance()).isEqualTo(100 - 1 - 4);
            assertThat(after.available()).isEqualTo(after.balance());
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20 * SECOND;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static <T> T ok(Outcome<T> o) {
        assertThat(o.error()).as("refusal: %s", o.detail()).isNull();
        return o.value();
    }
}
