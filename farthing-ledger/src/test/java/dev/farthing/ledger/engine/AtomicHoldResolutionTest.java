package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.TestClock;
import dev.farthing.ledger.verify.LedgerVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.farthing.ledger.engine.LedgerEngineTest.ok;
import static dev.farthing.ledger.engine.LedgerEngineTest.settlement;
import static dev.farthing.ledger.engine.LedgerEngineTest.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Ledger#resolvePending}: several holds post or void as one, and holds placed together expire together. */
class AtomicHoldResolutionTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    static NewTransfer hold(String id, String from, String to, long amount) {
        return new NewTransfer(id, from, to, amount, "USD", null, null, Map.of(), 60);
    }

    private static void accounts(Ledger ledger) {
        ok(ledger.createAccount(settlement("bank")).join());
        for (String id : List.of("payer", "shop", "fees")) {
            ok(ledger.createAccount(wallet(id)).join());
        }
        ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "payer", 1_000, "USD")).join());
    }

    private static void placePair(Ledger ledger, String id) {
        List<Outcome<TransferView>> placed = ledger.createTransfers(
                List.of(hold(id, "payer", "shop", 100), hold(id + ".fee", "payer", "fees", 3)), true).join();
        assertThat(placed).allMatch(Outcome::isOk);
    }

    @Test
    void postsOrVoidsEveryHoldOrNone() {
        try (Ledger ledger = LedgerEngine.open(LedgerConfig.defaults(dir), java.time.Clock.systemUTC())) {
            accounts(ledger);
            placePair(ledger, "p1");
            List<Outcome<TransferView>> posted = ledger.resolvePending(List.of("p1", "p1.fee"), true).join();
            assertThat(posted).extracting(o -> ok(o).status()).containsExactly(TransferStatus.POSTED, TransferStatus.POSTED);
            assertThat(ledger.resolvePending(List.of("p1", "p1.fee"), true).join())
                    .as("the same resolution again is an idempotent repeat").allMatch(o -> o.isOk() && o.replayed());

            placePair(ledger, "p2");
            ok(ledger.voidPending("p2.fee").join());
            List<Outcome<TransferView>> refused = ledger.resolvePending(List.of("p2", "p2.fee"), true).join();
            assertThat(refused).extracting(Outcome::error)
                    .containsExactly(ErrorCode.LINKED_TRANSFER_FAILED, ErrorCode.ALREADY_VOIDED);
            assertThat(ok(ledger.lookupTransfer("p2").join()).status()).as("nothing moved").isEqualTo(TransferStatus.PENDING);
            assertThat(ok(ledger.lookupAccount("shop").join()).balance()).isEqualTo(100);
            assertThat(ok(ledger.lookupAccount("payer").join()).available()).isEqualTo(1_000 - 103 - 100);

            placePair(ledger, "p3");
            ok(ledger.changeAccountStatus("fees", AccountStatus.FROZEN).join());
            assertThat(ledger.resolvePending(List.of("p3", "p3.fee"), true).join()).extracting(Outcome::error)
                    .containsExactly(ErrorCode.LINKED_TRANSFER_FAILED, ErrorCode.ACCOUNT_FROZEN);
            assertThat(ledger.resolvePending(List.of("p3", "p3.fee"), false).join())
                    .extracting(o -> ok(o).status()).containsExactly(TransferStatus.VOIDED, TransferStatus.VOIDED);
            assertThat(ledger.resolvePending(List.of("p2", "p2.fee", "nobody"), false).join()).extracting(Outcome::error)
                    .containsExactly(ErrorCode.LINKED_TRANSFER_FAILED, ErrorCode.LINKED_TRANSFER_FAILED, ErrorCode.NOT_FOUND);
            assertThatThrownBy(() -> ledger.resolvePending(List.of("p2", "p2"), true))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ledger.health().breakerOpen()).isFalse();
        }
        try (Ledger ledger = LedgerEngine.open(LedgerConfig.defaults(dir), java.time.Clock.systemUTC())) {
            assertThat(ok(ledger.lookupTransfer("p2").join()).status()).as("after replay, the rolled-back post left no trace")
                    .isEqualTo(TransferStatus.PENDING);
            assertThat(ok(ledger.lookupTransfer("p2.fee").join()).status()).isEqualTo(TransferStatus.VOIDED);
            assertThat(ok(ledger.lookupAccount("shop").join()).balance()).isEqualTo(100);
            assertThat(ok(ledger.lookupAccount("fees").join()).balance()).isEqualTo(3);
        }
        var report = LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
    }

    /**
     * The clock stops exactly at the payment leg's deadline. Had the fee leg (placed 1 ns later) its own deadline,
     * it would stay pending while the payment leg expired; sharing the batch's deadline, both expire in one batch.
     */
    @Test
    void holdsPlacedInOneAtomicBatchExpireTogether() {
        TestClock clock = new TestClock(Instant.parse("2033-03-01T00:00:00Z"), 1_000);
        try (Ledger ledger = LedgerEngine.open(LedgerConfig.defaults(dir), clock)) {
            accounts(ledger);
            placePair(ledger, "p1");
            TransferView payment = ok(ledger.lookupTransfer("p1").join());
            TransferView fee = ok(ledger.lookupTransfer("p1.fee").join());
            assertThat(fee.timestamp()).isGreaterThan(payment.timestamp());
            assertThat(fee.expiresAt()).isEqualTo(payment.expiresAt());
            clock.step(0);
            clock.advanceNanos(payment.expiresAt() - clock.nanos());
            TransferView paymentAfter = ok(ledger.lookupTransfer("p1").join());
            TransferView feeAfter = ok(ledger.lookupTransfer("p1.fee").join());
            assertThat(paymentAfter.status()).isEqualTo(TransferStatus.EXPIRED);
            assertThat(feeAfter.status()).isEqualTo(TransferStatus.EXPIRED);
            assertThat(feeAfter.resolvedAt() - paymentAfter.resolvedAt()).as("resolved in the same batch").isEqualTo(1);
            assertThat(ledger.resolvePending(List.of("p1", "p1.fee"), true).join()).extracting(Outcome::error)
                    .containsExactly(ErrorCode.PENDING_EXPIRED, ErrorCode.PENDING_EXPIRED);
            assertThat(ok(ledger.lookupAccount("payer").join()).available()).isEqualTo(1_000);
        }
    }
}
