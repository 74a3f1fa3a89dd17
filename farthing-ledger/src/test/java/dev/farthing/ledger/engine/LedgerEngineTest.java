package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerEngineTest {
    @TempDir
    Path dir;

    static NewAccount wallet(String id) {
        return new NewAccount(id, "USD", AccountKind.WALLET, null, 0, Map.of());
    }

    static NewAccount settlement(String id) {
        return new NewAccount(id, "USD", AccountKind.SETTLEMENT, null, 0, Map.of());
    }

    static <T> T ok(Outcome<T> o) {
        assertThat(o.error()).as("refusal: %s", o.detail()).isNull();
        return o.value();
    }

    @Test
    void movesMoneyAndSurvivesRestart() {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            ok(ledger.createAccount(wallet("bob")).join());
            ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "alice", 1_000, "USD")).join());
            ok(ledger.createTransfer(NewTransfer.simple("t1", "alice", "bob", 300, "USD")).join());
            Outcome<TransferView> tooMuch = ledger.createTransfer(NewTransfer.simple("t2", "alice", "bob", 701, "USD")).join();
            assertThat(tooMuch.error()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            Outcome<TransferView> again = ledger.createTransfer(NewTransfer.simple("t1", "alice", "bob", 300, "USD")).join();
            assertThat(again.replayed()).isTrue();
            Outcome<TransferView> conflict = ledger.createTransfer(NewTransfer.simple("t1", "alice", "bob", 301, "USD")).join();
            assertThat(conflict.error()).isEqualTo(ErrorCode.ID_CONFLICT);
            ok(ledger.snapshot().join().isEmpty() ? null : Outcome.ok("x"));
            ok(ledger.createTransfer(NewTransfer.simple("t3", "alice", "bob", 100, "USD")).join());
        }
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            AccountView alice = ok(ledger.lookupAccount("alice").join());
            assertThat(alice.balance()).isEqualTo(600);
            assertThat(ok(ledger.lookupTransfer("t1").join()).amount()).isEqualTo(300);
            assertThat(ledger.createTransfer(NewTransfer.simple("t1", "alice", "bob", 301, "USD")).join().error())
                    .isEqualTo(ErrorCode.ID_CONFLICT);
            Page<TransferView> page = ok(ledger.listAccountTransfers("alice", 2, null).join());
            assertThat(page.items()).extracting(TransferView::id).containsExactly("t3", "t1");
            Page<TransferView> rest = ok(ledger.listAccountTransfers("alice", 2, page.nextCursor()).join());
            assertThat(rest.items()).extracting(TransferView::id).containsExactly("fund");
            assertThat(rest.nextCursor()).isNull();
        }
        var report = dev.farthing.ledger.verify.LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        assertThat(report.transfers()).isEqualTo(3);
        assertThat(report.snapshotsChecked()).isEqualTo(1);
    }

    @Test
    void twoPhaseHoldsPostVoidAndCountAgainstAvailable() {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            ok(ledger.createAccount(wallet("shop")).join());
            ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "alice", 100, "USD")).join());
            NewTransfer hold = new NewTransfer("h1", "alice", "shop", 80, "USD", null, null, Map.of(), 60);
            assertThat(ok(ledger.createTransfer(hold).join()).status()).isEqualTo(TransferStatus.PENDING);
            assertThat(ok(ledger.lookupAccount("alice").join()).available()).isEqualTo(20);
            assertThat(ledger.createTransfer(NewTransfer.simple("x", "alice", "shop", 21, "USD")).join().error())
                    .isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            TransferView posted = ok(ledger.postPending("h1", 50).join());
            assertThat(posted.status()).isEqualTo(TransferStatus.POSTED);
            assertThat(posted.postedAmount()).isEqualTo(50);
            assertThat(ledger.voidPending("h1").join().error()).isEqualTo(ErrorCode.ALREADY_POSTED);
            AccountView alice = ok(ledger.lookupAccount("alice").join());
            assertThat(alice.balance()).isEqualTo(50);
            assertThat(alice.available()).isEqualTo(50);
            ok(ledger.createTransfer(new NewTransfer("h2", "alice", "shop", 10, "USD", null, null, Map.of(), 60)).join());
            assertThat(ok(ledger.voidPending("h2").join()).status()).isEqualTo(TransferStatus.VOIDED);
            assertThat(ok(ledger.lookupAccount("alice").join()).available()).isEqualTo(50);
        }
    }

    @Test
    void atomicBatchCommitsAllOrNothing() {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            ok(ledger.createAccount(settlement("bank")).join());
            for (String id : List.of("viewer", "creator", "platform")) {
                ok(ledger.createAccount(wallet(id)).join());
            }
            ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "viewer", 100, "USD")).join());
            List<NewTransfer> payment = List.of(NewTransfer.simple("p1", "viewer", "creator", 90, "USD"),
                    NewTransfer.simple("p1-fee", "viewer", "platform", 20, "USD"));
            List<Outcome<TransferView>> results = ledger.createTransfers(payment, true).join();
            assertThat(results.get(0).error()).isEqualTo(ErrorCode.LINKED_TRANSFER_FAILED);
            assertThat(results.get(1).error()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            assertThat(ok(ledger.lookupAccount("viewer").join()).balance()).isEqualTo(100);
            assertThat(ledger.lookupTransfer("p1").join().error()).isEqualTo(ErrorCode.NOT_FOUND);
            List<Outcome<TransferView>> loose = ledger.createTransfers(payment, false).join();
            assertThat(loose.get(0).isOk()).isTrue();
            assertThat(loose.get(1).error()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            List<Outcome<TransferView>> many = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                many.add(ledger.createTransfer(NewTransfer.simple("m" + i, "bank", "creator", 1, "USD")).join());
            }
            assertThat(many).allMatch(Outcome::isOk);
            assertThat(ledger.health().breakerOpen()).isFalse();
            assertThat(ok(ledger.changeAccountStatus("creator", AccountStatus.FROZEN).join()).status())
                    .isEqualTo(AccountStatus.FROZEN);
            assertThat(ledger.createTransfer(NewTransfer.simple("f", "bank", "creator", 1, "USD")).join().error())
                    .isEqualTo(ErrorCode.ACCOUNT_FROZEN);
        }
    }

    /** Big batches must not defer snapshots: replay after a restart stays bounded by events too. */
    @Test
    void snapshotsAreTakenByEventCountSoReplayStaysBounded() {
        LedgerConfig config = LedgerConfig.defaults(dir).withSnapshotEveryEvents(1_000);
        try (Ledger ledger = Ledgers.open(config)) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            for (int b = 0; b < 10; b++) {
                List<NewTransfer> batch = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    batch.add(NewTransfer.simple("b" + b + "-" + i, "bank", "alice", 1, "USD"));
                }
                assertThat(ledger.createTransfers(batch, true).join()).allMatch(Outcome::isOk);
            }
        }
        try (Ledger ledger = Ledgers.open(config)) {
            assertThat(ledger.recovery().snapshotFile()).as("a snapshot was taken by event count").isNotNull();
            assertThat(ledger.recovery().replayedBatches()).as("replay after the last snapshot").isLessThanOrEqualTo(2);
            assertThat(ok(ledger.lookupAccount("alice").join()).balance()).isEqualTo(5_000);
        }
    }
}
