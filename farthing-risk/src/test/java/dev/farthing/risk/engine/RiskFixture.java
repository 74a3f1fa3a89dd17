package dev.farthing.risk.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.engine.LedgerEngine;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real ledger (manual clock) with a funded payer, a payee, a fee account and a settlement account. */
final class RiskFixture implements AutoCloseable {
    static final long FUNDED = 1_000_000;
    final ManualClock clock = new ManualClock();
    final Path dir;
    Ledger ledger;

    RiskFixture(Path dir) {
        this.dir = dir;
        this.ledger = openLedger();
        for (String id : List.of("alice", "bob", "platform", "bank")) {
            AccountKind kind = switch (id) {
                case "alice" -> AccountKind.WALLET;
                case "bob" -> AccountKind.MERCHANT;
                case "platform" -> AccountKind.FEE;
                default -> AccountKind.SETTLEMENT;
            };
            await(ledger.createAccount(new NewAccount(id, "USD", kind, kind == AccountKind.SETTLEMENT ? false : null,
                    0, Map.of()))).orThrow();
        }
        await(ledger.createTransfer(NewTransfer.simple("fund-alice", "bank", "alice", FUNDED, "USD"))).orThrow();
    }

    Ledger openLedger() {
        return LedgerEngine.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), clock);
    }

    RiskEngine openEngine(Assessor assessor) {
        return RiskEngine.open(ledger, dir.resolve("risk"), assessor, RiskEngineConfig.defaults().withFsync(false));
    }

    void restartLedger() {
        ledger.close();
        ledger = openLedger();
    }

    static PaymentRequest payment(String id, long amount, long fee) {
        return new PaymentRequest(id, "alice", "bob", amount, "USD",
                fee == 0 ? null : new PaymentRequest.Fee("platform", fee),
                new PaymentContext("dev-1", "10.0.0.1", "GB", null, null, null, "article-9",
                        PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null));
    }

    AccountView account(String id) {
        return await(ledger.lookupAccount(id)).orThrow();
    }

    TransferView transfer(String id) {
        return await(ledger.lookupTransfer(id)).orThrow();
    }

    boolean transferExists(String id) {
        return await(ledger.lookupTransfer(id)).isOk();
    }

    /** Balances (posted) and pending of the payer, payee and fee accounts, and conservation across all four. */
    void assertMoney(long alicePosted, long bobPosted, long feePosted, long alicePendingDebits) {
        AccountView alice = account("alice");
        AccountView bob = account("bob");
        AccountView fee = account("platform");
        AccountView bank = account("bank");
        assertThat(alice.balance()).as("alice balance").isEqualTo(FUNDED - alicePosted);
        assertThat(bob.balance()).as("bob balance").isEqualTo(bobPosted);
        assertThat(fee.balance()).as("fee balance").isEqualTo(feePosted);
        assertThat(alice.debitsPending()).as("alice pending debits").isEqualTo(alicePendingDebits);
        assertThat(alice.balance() + bob.balance() + fee.balance() + bank.balance()).as("money is conserved").isZero();
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ledger.close();
    }
}
