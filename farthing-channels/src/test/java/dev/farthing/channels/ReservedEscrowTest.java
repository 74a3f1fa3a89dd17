package dev.farthing.channels;

import dev.farthing.keys.Ed25519;
import dev.farthing.keys.SoftwareSigner;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.BatchEncoder;
import dev.farthing.ledger.journal.BatchScanner;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Channel escrow is a reserved system account: only the channel service moves it, a client-made one is never
 * used, and a conservation breach (escrow != locked) trips the ledger's breaker like a ledger breach.
 */
class ReservedEscrowTest {
    static final String ESCROW = "channels.escrow.USD";
    @TempDir
    Path dir;
    final SoftwareSigner payer = Ed25519.generate(Keys.RANDOM);

    private Channel openOneWay(Harness h, long deposit, String currency) {
        return h.channels.open(new OpenRequest(Keys.random32(), ChannelKind.ONE_WAY, "alice", "shop", deposit, 0,
                currency, payer.publicKey(), null, null, null, 3_600L, null, 0));
    }

    /** The report: with a 100,000 channel open, a plain transfer out of escrow moved 50,000 with a 201. */
    @Test
    void aHostileOperatorCannotMoveEscrow() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.wallet("alice", 200_000);
            h.wallet("shop", 0);
            h.wallet("operator", 0);
            openOneWay(h, 100_000, "USD");
            Outcome<TransferView> out = h.ledger.createTransfer(NewTransfer.simple("x1", ESCROW, "operator", 50_000, "USD")).join();
            assertThat(out.error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            List<Outcome<TransferView>> batch = h.ledger.createTransfers(List.of(
                    NewTransfer.simple("x2", "alice", "operator", 1, "USD"),
                    NewTransfer.simple("x3", ESCROW, "operator", 50_000, "USD")), true).join();
            assertThat(batch).extracting(Outcome::error).containsExactly(ErrorCode.LINKED_TRANSFER_FAILED,
                    ErrorCode.SYSTEM_ACCOUNT);
            assertThat(h.ledger.createTransfer(new NewTransfer("x4", ESCROW, "operator", 50_000, "USD", null, null,
                    Map.of(), 60)).join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(h.balance(ESCROW)).isEqualTo(100_000);
            assertThat(h.balance("operator")).isZero();
            h.assertConserved();
            Thread.sleep(600); // two rounds of continuous reconciliation: nothing to find
            assertThat(h.ledger.health().breakerOpen()).isFalse();
        }
    }

    @Test
    void aConservationBreachTripsTheBreakerWithinOneSecond() throws Exception {
        try (Harness h = new Harness(dir)) {
            h.wallet("alice", 200_000);
            h.wallet("shop", 0);
            h.channels.close();
            // The test keeps the channels handle it gives the service, to move escrow behind the service's back
            // (as a bug in the service would).
            SystemLedger handle = h.ledger.system("channels");
            h.channels = ChannelService.open(handle, h.config());
            openOneWay(h, 100_000, "USD");
            Thread.sleep(600);
            assertThat(h.ledger.health().breakerOpen()).isFalse();

            long injected = System.nanoTime();
            assertThat(handle.createTransfer(NewTransfer.simple("leak", ESCROW, Harness.MINT, 50_000, "USD")).join()
                    .isOk()).isTrue();
            while (!h.ledger.health().breakerOpen()) {
                assertThat(System.nanoTime() - injected).as("breaker still closed").isLessThan(TimeUnit.SECONDS.toNanos(5));
                Thread.sleep(5);
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - injected);
            System.out.println("ReservedEscrowTest: conservation breach tripped the breaker in " + tookMs + " ms");
            assertThat(tookMs).isLessThan(1_000);
            assertThat(h.ledger.health().breakerReason()).isEqualTo("channels: payment channel conservation breach:"
                    + " escrow channels.escrow.USD holds 50000 but open channels lock 100000");
            assertThat(h.ledger.createTransfer(NewTransfer.simple("after", "alice", "shop", 1, "USD")).join().error())
                    .isEqualTo(ErrorCode.CIRCUIT_OPEN);
            h.channels.close();
            handle.close();
            h.channels = ChannelService.open(h.ledger, h.config()); // for Harness.close
        }
    }

    @Test
    void aClientMadeEscrowIsReportedAndItsCurrencyRefused() throws Exception {
        Harness h = new Harness(dir);
        h.close();
        writeClientMadeEuroEscrowAsTheOldVersionWould(dir.resolve("ledger").resolve(LedgerLog.DIR), h.clock.nanos());
        h.start();
        try {
            h.wallet("alice", 200_000);
            h.wallet("shop", 0);
            assertThat(h.ledger.health().clientMadeSystemAccounts()).containsExactly("channels.escrow.EUR");
            assertThatThrownBy(() -> openOneWay(h, 100, "EUR")).isInstanceOfSatisfying(ChannelException.class, e -> {
                assertThat(e.code()).isEqualTo("system_account");
                assertThat(e.detail()).contains("channels.escrow.EUR").contains("created by a client");
            });
            openOneWay(h, 1_000, "USD"); // other currencies are unaffected
            Thread.sleep(600); // the unused EUR escrow holds 5 and no channel: not a breach, it is reported instead
            assertThat(h.ledger.health().breakerOpen()).isFalse();
            h.assertConserved();
        } finally {
            h.close();
        }
    }

    /** Appends what a client could do before the namespace: open channels.escrow.EUR as an overdraft settlement. */
    private static void writeClientMadeEuroEscrowAsTheOldVersionWould(Path journal, long now) {
        try (LedgerLog log = LedgerLog.open(journal, false, 64L << 20)) {
            long lastSequence;
            byte[] lastHash;
            long lastTime;
            try (BatchScanner scan = log.scan(log.startPosition(), 1, LedgerFrames.GENESIS_HASH, 1)) {
                while (scan.next() != null) {
                    // to the end: the chain continues from the last batch
                }
                lastSequence = scan.lastSequence();
                lastHash = scan.lastHash();
                lastTime = scan.lastBatchTime();
            }
            long t = Math.max(now, lastTime) + 1;
            BatchEncoder w = new BatchEncoder(lastSequence, lastHash);
            log.append(w.encode(List.of(
                    new LedgerEvent.AccountOpened(t, "bank-eur", "EUR", AccountKind.SETTLEMENT, false, 0, Map.of()),
                    new LedgerEvent.AccountOpened(t + 1, "channels.escrow.EUR", "EUR", AccountKind.SETTLEMENT, false, 0,
                            Map.of()),
                    new LedgerEvent.TransferCommitted(new TransferView("eur-in", "bank-eur", "channels.escrow.EUR", 5,
                            "EUR", null, null, Map.of(), 0, t + 2, TransferStatus.POSTED, 5, 0, 0))), t + 2)).join();
        }
    }
}
