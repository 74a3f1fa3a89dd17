package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.AccountOpened;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.JournalFiles;
import dev.farthing.ledger.verify.LedgerVerifier;
import dev.farthing.ledger.api.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.farthing.ledger.engine.SystemAccountsTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory written before the namespace was reserved may hold a reserved account a client made (here
 * {@code channels.escrow.EUR} as an overdraft-allowed settlement account, moved once). Its journal records are
 * the old format, which decodes as client-made: start-up and {@code farthing verify} report it, and the ledger
 * refuses every command on it, including its own module's.
 */
class ClientMadeSystemAccountTest {
    static final String BAD = "channels.escrow.EUR";

    @TempDir
    Path dir;

    @Test
    void anOldDirectoryWithAClientMadeEscrowIsReportedAndTheAccountIsNeverUsed() {
        LedgerConfig config = LedgerConfig.defaults(dir).withFsync(false);
        long last;
        try (Ledger ledger = LedgerEngine.open(config)) {
            ok(ledger.createAccount(new NewAccount("bank-eur", "EUR", AccountKind.SETTLEMENT, false, 0, Map.of())).join());
            last = ledger.health().lastTimestamp();
        }
        writeAsTheOldVersionWould(last);

        try (Ledger ledger = LedgerEngine.open(config)) {
            assertRefusedEverywhere(ledger);
            ledger.snapshot().join(); // the origin must survive a snapshot as well as the journal
        }
        try (Ledger ledger = LedgerEngine.open(config)) {
            assertRefusedEverywhere(ledger);
        }

        VerifyReport report = LedgerVerifier.verify(dir, config.currencies(), null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        assertThat(report.clientMadeSystemAccounts()).containsExactly(BAD);
        assertThat(report.verdict()).contains("WARNING").contains(BAD).contains("created by a client");
    }

    private void writeAsTheOldVersionWould(long last) {
        Path journal = JournalFiles.logDir(dir);
        JournalFiles.Record tail = JournalFiles.records(journal).getLast();
        TransferView overdraw = new TransferView("old-overdraw", BAD, "bank-eur", 7, "EUR", null, null, Map.of(), 0,
                last + 2, TransferStatus.POSTED, 7, 0, 0);
        List<LedgerEvent> events = List.of(
                new AccountOpened(last + 1, BAD, "EUR", AccountKind.SETTLEMENT, false, 0, Map.of()),
                new LedgerEvent.TransferCommitted(overdraw));
        JournalFiles.append(tail.file(), JournalFiles.nextRecord(tail.sequence(), tail.hash(), last + 2, events));
    }

    private static void assertRefusedEverywhere(Ledger ledger) {
        assertThat(ledger.health().clientMadeSystemAccounts()).containsExactly(BAD);
        assertThat(ledger.lookupAccount(BAD).join().value().balance()).isEqualTo(-7);
        try (SystemLedger channels = ledger.system("channels")) {
            assertThat(channels.clientMadeAccounts()).containsExactly(BAD);
            var again = channels.createAccount(new NewAccount(BAD, "EUR", AccountKind.SETTLEMENT, false, 0, Map.of())).join();
            assertThat(again.error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(again.detail()).contains(BAD).contains("created by a client");
            var move = channels.createTransfer(NewTransfer.simple("sys-move", BAD, "bank-eur", 1, "EUR")).join();
            assertThat(move.error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(move.detail()).contains("created by a client");
        }
        try (SystemLedger fees = ledger.system("fee")) {
            assertThat(fees.clientMadeAccounts()).isEmpty();
        }
        assertThat(ledger.createTransfer(NewTransfer.simple("client-move", "bank-eur", BAD, 7, "EUR")).join().error())
                .isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.lookupAccount(BAD).join().value().balance()).isEqualTo(-7);
    }

    @Test
    void clientOpenedAccountsKeepTheOldEncodingAndSystemOnesGetTheirOwnType() {
        AccountOpened client = new AccountOpened(5, "w1", "USD", AccountKind.WALLET, true, 0, Map.of("k", "v"));
        AccountOpened system = new AccountOpened(6, "channels.escrow.USD", "USD", AccountKind.ESCROW, true, 0,
                Map.of(), true);
        for (AccountOpened e : List.of(client, system)) {
            ByteSink sink = new ByteSink(64);
            EventCodec.encode(e, sink);
            byte[] bytes = sink.toByteArray();
            assertThat(bytes[0]).isEqualTo((byte) (e.bySystem() ? 5 : 1));
            assertThat(EventCodec.decodeAll(ByteBuffer.wrap(bytes), 1)).containsExactly(e);
        }
    }
}
