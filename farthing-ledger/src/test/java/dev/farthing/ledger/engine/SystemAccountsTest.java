package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reserved namespace ({@code sys.}, {@code channels.}) is enforced by the ledger itself: every client
 * command naming a reserved account is refused {@code system_account} and moves nothing, while a module's
 * system handle may use its own prefix, and only its own.
 */
class SystemAccountsTest {
    static final String ESCROW = "channels.escrow.USD";

    @TempDir
    Path dir;
    Ledger ledger;
    SystemLedger channels;

    @BeforeEach
    void open() {
        ledger = LedgerEngine.open(LedgerConfig.defaults(dir).withFsync(false));
        ok(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).join());
        ok(ledger.createAccount(new NewAccount("alice", "USD", AccountKind.WALLET, null, 0, Map.of())).join());
        ok(ledger.createAccount(new NewAccount("bob", "USD", AccountKind.WALLET, null, 0, Map.of())).join());
        ok(ledger.createTransfer(NewTransfer.simple("mint", "bank", "alice", 1_000, "USD")).join());
        channels = ledger.system("channels");
        ok(channels.createAccount(new NewAccount(ESCROW, "USD", AccountKind.ESCROW, true, 0, Map.of())).join());
        ok(channels.createTransfer(NewTransfer.simple("lock", "alice", ESCROW, 400, "USD")).join());
    }

    @AfterEach
    void close() {
        channels.close();
        ledger.close();
    }

    @Test
    void aClientCannotCreateAnAccountInTheNamespace() {
        for (String id : List.of("channels.escrow.EUR", "sys.fee.USD", "SYS.fee.USD", "Channels.escrow.EUR")) {
            Outcome<AccountView> o = ledger.createAccount(new NewAccount(id, "EUR", AccountKind.SETTLEMENT, false, 0,
                    Map.of())).join();
            assertThat(o.error()).as(id).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(o.detail()).contains(id);
            assertThat(ledger.lookupAccount(id).join().error()).as(id).isEqualTo(ErrorCode.NOT_FOUND);
        }
        // Not even an exact repeat of the module's own account is a replay for a client.
        assertThat(ledger.createAccount(new NewAccount(ESCROW, "USD", AccountKind.ESCROW, true, 0, Map.of())).join()
                .error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.changeAccountStatus(ESCROW, AccountStatus.FROZEN).join().error())
                .isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.lookupAccount(ESCROW).join().value().status()).isEqualTo(AccountStatus.OPEN);
    }

    @Test
    void aClientTransferOrHoldTouchingEscrowMovesNothing() {
        long before = ledger.health().transfersCommitted();
        List<NewTransfer> hostile = List.of(NewTransfer.simple("out", ESCROW, "bob", 50, "USD"),
                NewTransfer.simple("in", "alice", ESCROW, 50, "USD"),
                new NewTransfer("hold-out", ESCROW, "bob", 50, "USD", null, null, Map.of(), 60),
                new NewTransfer("hold-in", "alice", ESCROW, 50, "USD", null, null, Map.of(), 60),
                NewTransfer.simple("lock", "alice", ESCROW, 400, "USD")); // a repeat of the module's own transfer
        for (NewTransfer t : hostile) {
            Outcome<TransferView> o = ledger.createTransfer(t).join();
            assertThat(o.error()).as(t.id()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(o.detail()).contains(ESCROW);
        }
        assertBalances(400, 600, 0);
        assertThat(ledger.health().transfersCommitted()).isEqualTo(before);
        assertThat(ledger.lookupTransfer("out").join().error()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void anAtomicBatchWithOneMemberTouchingEscrowIsRefusedWhole() {
        List<Outcome<TransferView>> r = ledger.createTransfers(List.of(
                NewTransfer.simple("ok-1", "alice", "bob", 10, "USD"),
                NewTransfer.simple("steal", ESCROW, "bob", 50, "USD"),
                NewTransfer.simple("ok-2", "alice", "bob", 10, "USD")), true).join();
        assertThat(r).extracting(Outcome::error).containsExactly(ErrorCode.LINKED_TRANSFER_FAILED,
                ErrorCode.SYSTEM_ACCOUNT, ErrorCode.LINKED_TRANSFER_FAILED);
        assertBalances(400, 600, 0);

        List<Outcome<TransferView>> loose = ledger.createTransfers(List.of(
                NewTransfer.simple("ok-3", "alice", "bob", 10, "USD"),
                NewTransfer.simple("steal-2", ESCROW, "bob", 50, "USD")), false).join();
        assertThat(loose.get(0).isOk()).isTrue();
        assertThat(loose.get(1).error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertBalances(400, 590, 10);
    }

    @Test
    void aClientCannotPostOrVoidAHoldOnEscrow() {
        ok(channels.createTransfer(new NewTransfer("payout", ESCROW, "bob", 100, "USD", null, null, Map.of(), 60)).join());
        assertThat(ledger.postPending("payout", 0).join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.postPending("payout", 30).join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.voidPending("payout").join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertThat(ledger.lookupTransfer("payout").join().value().status()).isEqualTo(TransferStatus.PENDING);
        assertThat(ledger.lookupAccount(ESCROW).join().value().debitsPending()).isEqualTo(100);
        assertBalances(400, 600, 0);

        TransferView posted = ok(channels.postPending("payout", 0).join());
        assertThat(posted.status()).isEqualTo(TransferStatus.POSTED);
        assertBalances(300, 600, 100);
        // A resolved one stays out of reach too (no replay answer for a client).
        assertThat(ledger.postPending("payout", 0).join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
    }

    @Test
    void aModuleMayUseOnlyItsOwnPrefix() {
        try (SystemLedger fees = ledger.system("fee")) {
            assertThat(fees.prefix()).isEqualTo("sys.fee.");
            ok(fees.createAccount(new NewAccount("sys.fee.USD", "USD", AccountKind.FEE, true, 0, Map.of())).join());
            ok(fees.createTransfer(NewTransfer.simple("fee-1", "alice", "sys.fee.USD", 5, "USD")).join());
            Outcome<TransferView> o = fees.createTransfer(NewTransfer.simple("raid", ESCROW, "sys.fee.USD", 5, "USD")).join();
            assertThat(o.error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(o.detail()).contains("module fee may only use sys.fee.*");
            assertThat(fees.createAccount(new NewAccount("sys.fx.USD", "USD", AccountKind.SETTLEMENT, true, 0, Map.of()))
                    .join().error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(channels.createTransfer(NewTransfer.simple("raid-2", "sys.fee.USD", ESCROW, 5, "USD")).join()
                    .error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
            assertThat(ledger.createTransfer(NewTransfer.simple("raid-3", "sys.fee.USD", "bob", 5, "USD")).join()
                    .error()).isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        }
        assertBalances(400, 595, 0);
    }

    @Test
    void aHandleIsHandedOutOncePerModuleUntilClosed() {
        assertThatThrownBy(() -> ledger.system("channels")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds");
        assertThatThrownBy(() -> ledger.system("sys")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.system("Fee")).isInstanceOf(IllegalArgumentException.class);
        channels.close();
        assertThatThrownBy(() -> channels.createTransfer(NewTransfer.simple("late", ESCROW, "bob", 1, "USD")))
                .isInstanceOf(IllegalStateException.class);
        channels = ledger.system("channels");
        ok(channels.createTransfer(NewTransfer.simple("unlock", ESCROW, "alice", 400, "USD")).join());
        assertBalances(0, 1_000, 0);
    }

    @Test
    void systemOriginSurvivesASnapshotAndARestart() {
        ledger.snapshot().join();
        channels.close();
        ledger.close();
        ledger = LedgerEngine.open(LedgerConfig.defaults(dir).withFsync(false));
        channels = ledger.system("channels");
        assertThat(channels.clientMadeAccounts()).isEmpty();
        assertThat(ledger.health().clientMadeSystemAccounts()).isEmpty();
        ok(channels.createTransfer(NewTransfer.simple("unlock", ESCROW, "alice", 100, "USD")).join());
        assertThat(ledger.createTransfer(NewTransfer.simple("steal", ESCROW, "bob", 1, "USD")).join().error())
                .isEqualTo(ErrorCode.SYSTEM_ACCOUNT);
        assertBalances(300, 700, 0);
    }

    private void assertBalances(long escrow, long alice, long bob) {
        assertThat(ledger.lookupAccount(ESCROW).join().value().balance()).as("escrow").isEqualTo(escrow);
        assertThat(ledger.lookupAccount("alice").join().value().balance()).as("alice").isEqualTo(alice);
        assertThat(ledger.lookupAccount("bob").join().value().balance()).as("bob").isEqualTo(bob);
    }

    static <T> T ok(Outcome<T> o) {
        assertThat(o.error()).as(o.detail()).isNull();
        return o.value();
    }
}
