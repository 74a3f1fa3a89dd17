package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.verify.LedgerVerifier;
import dev.farthing.ledger.api.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classic double-spend race at the API level: 1,000 concurrent debits of 1 unit from one wallet funded
 * with 100, from 64 threads released together. Exactly 100 may succeed, and the wallet ends at zero.
 */
class RaceTest {
    static final int THREADS = 64;
    static final int DEBITS = 1_000;
    static final int FUNDS = 100;

    @TempDir
    Path dir;

    @Test
    void aThousandConcurrentDebitsOfAWalletFundedForAHundred() throws Exception {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir))) {
            ok(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, null, 0, Map.of())).join());
            ok(ledger.createAccount(new NewAccount("wallet", "USD", AccountKind.WALLET, null, 0, Map.of())).join());
            ok(ledger.createAccount(new NewAccount("shop", "USD", AccountKind.MERCHANT, null, 0, Map.of())).join());
            ok(ledger.createTransfer(NewTransfer.simple("fund", "bank", "wallet", FUNDS, "USD")).join());

            ConcurrentLinkedQueue<Outcome<TransferView>> outcomes = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(pool.submit(() -> {
                        start.await();
                        for (int i; (i = next.getAndIncrement()) < DEBITS; ) {
                            outcomes.add(ledger.createTransfer(NewTransfer.simple("spend-" + i, "wallet", "shop", 1, "USD")).join());
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> w : workers) {
                    w.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            Map<ErrorCode, Integer> refusals = new EnumMap<>(ErrorCode.class);
            int succeeded = 0;
            for (Outcome<TransferView> o : outcomes) {
                if (o.isOk()) {
                    assertThat(o.replayed()).isFalse();
                    succeeded++;
                } else {
                    refusals.merge(o.error(), 1, Integer::sum);
                }
            }
            assertThat(outcomes).hasSize(DEBITS);
            assertThat(succeeded).as("refusals: %s", refusals).isEqualTo(FUNDS);
            assertThat(refusals).isEqualTo(Map.of(ErrorCode.INSUFFICIENT_FUNDS, DEBITS - FUNDS));

            AccountView wallet = ok(ledger.lookupAccount("wallet").join());
            assertThat(wallet.balance()).isZero();
            assertThat(wallet.available()).isZero();
            assertThat(wallet.debitsPosted()).isEqualTo(FUNDS);
            assertThat(ok(ledger.lookupAccount("shop").join()).balance()).isEqualTo(FUNDS);
            Page<TransferView> listed = ok(ledger.listAccountTransfers("wallet", 1_000, null).join());
            assertThat(listed.items()).hasSize(FUNDS + 1);
            assertThat(ledger.health().breakerOpen()).isFalse();
        }
        VerifyReport report = LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        assertThat(report.transfers()).isEqualTo(FUNDS + 1);
    }

    static <T> T ok(Outcome<T> o) {
        assertThat(o.error()).as("refusal: %s", o.detail()).isNull();
        return o.value();
    }
}
