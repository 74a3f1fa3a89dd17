package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that hangs on submit holds only its own slots: the writer keeps answering, the payouts waiting for it
 * are routed elsewhere once its calls pass their timeout, the hung attempts are in doubt (never resent), and when
 * the provider comes back polling learns that they arrived: each payout paid exactly once.
 */
class HungProviderTest {
    @TempDir
    Path dir;

    /** Submits block until {@link #release} (then go through); counts how many are inside at once. */
    static final class Hanging implements PayoutConnector {
        final FakeProvider inner;
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();

        Hanging(FakeProvider inner) {
            this.inner = inner;
        }

        @Override
        public String providerId() {
            return inner.providerId();
        }

        @Override
        public SubmitOutcome submit(PayoutInstruction in) {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SubmitOutcome.Unknown("interrupted");
            } finally {
                inside.decrementAndGet();
            }
            return inner.submit(in);
        }

        @Override
        public ProviderStatus status(String key) {
            return inner.status(key);
        }

        @Override
        public boolean cancel(String key) {
            return false;
        }

        @Override
        public List<StatementLine> statement(LocalDate from, LocalDate to) {
            return inner.statement(from, to);
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    @Test
    void aHungProviderStallsNeitherTheWriterNorThePayoutsItCannotTake() throws Exception {
        Ledger ledger = TestLedger.open(dir.resolve("ledger"));
        TestLedger.account(ledger, "platform", "USD");
        Hanging hung = new Hanging(new FakeProvider("hung", 1, 1, 0));
        FakeProvider ok = new FakeProvider("ok", 2, 50, 50);
        ProviderCallLimits limits = new ProviderCallLimits(4, 2, Duration.ofMillis(1500), Duration.ofSeconds(10),
                Duration.ofSeconds(1));
        SettlementConfig config = SettlementConfig.of(dir.resolve("s"), List.of(hung, ok))
                .withPollAfter(Duration.ZERO).withCalls(limits);
        try (SettlementService s = SettlementService.open(ledger, config)) {
            for (int i = 1; i <= 6; i++) {
                TestLedger.account(ledger, "m" + i, "USD");
                TestLedger.book(ledger, "platform", "m" + i, 5_000_000L * i, "USD", "earning");
                s.setPayee(new Payee("p" + i, "m" + i, "USD", "US", "Payee " + i, "US-" + i,
                        new Schedule(Schedule.Kind.DAILY, 0, 100, 0)));
            }
            long t0 = System.nanoTime();
            CompletableFuture<BatchView> run = CompletableFuture.supplyAsync(() -> s.runDue("test"));
            // while two submits hang (both of hung's slots) and four payouts wait for a slot, the writer answers reads
            while (hung.inside.get() < 2) Thread.sleep(5);
            while (s.payouts(PayoutStatus.HELD).size() < 4) Thread.sleep(5);
            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long r0 = System.nanoTime();
                assertThat(s.payouts(null)).hasSize(6);
                slowest = Math.max(slowest, System.nanoTime() - r0);
            }
            assertThat(hung.inside.get()).as("still hanging after the reads").isEqualTo(2);
            assertThat(slowest / 1_000_000).as("slowest read while the provider hangs (ms)").isLessThan(250);

            BatchView batch = run.get(10, TimeUnit.SECONDS);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("runDue with a hung provider returned after " + ms + " ms");
            List<Payout> inDoubt = new ArrayList<>();
            for (Payout p : batch.payouts()) {
                if (p.status() == PayoutStatus.IN_DOUBT) {
                    inDoubt.add(p);
                    assertThat(p.lastAttempt().provider()).isEqualTo("hung");
                    assertThat(p.lastAttempt().detail()).contains("no answer within");
                } else {
                    assertThat(p.status()).as(p.id()).isEqualTo(PayoutStatus.SUBMITTED);
                    assertThat(p.lastAttempt().provider()).isEqualTo("ok");
                    assertThat(p.lastAttempt().reason()).contains("hung (", "call(s) past the", "still out");
                }
            }
            assertThat(inDoubt).hasSize(2); // the two that went to hung: in doubt, not resent
            assertThat(hung.mostInside.get()).as("calls inside the hung provider at once").isEqualTo(2);
            assertThat(ok.submits).hasSize(4);

            // the in-doubt ones are not sent elsewhere while the provider says nothing
            s.tick();
            for (Payout p : inDoubt) assertThat(s.payout(p.id()).status()).isEqualTo(PayoutStatus.IN_DOUBT);

            hung.release.countDown(); // it comes back: the late submits went through there
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && inDoubt.stream().anyMatch(p ->
                    s.payout(p.id()).status() != PayoutStatus.SUBMITTED)) {
                s.tick();
                Thread.sleep(20);
            }
            for (Payout p : inDoubt) {
                assertThat(s.payout(p.id()).status()).isEqualTo(PayoutStatus.SUBMITTED);
                assertThat(s.payout(p.id()).attempts()).hasSize(1);
                assertThat(s.payout(p.id()).lastAttempt().outcome()).isEqualTo(Attempt.ACCEPTED);
            }
            LocalDate day = LocalDate.of(2026, 1, 5);
            hung.inner.settleAll(day).forEach((k, st) -> s.onProviderStatus(k, st, "webhook"));
            ok.settleAll(day).forEach((k, st) -> s.onProviderStatus(k, st, "webhook"));
            assertThat(s.payouts(PayoutStatus.PAID)).hasSize(6);
            List<String> paidAtProviders = new ArrayList<>();
            for (FakeProvider p : List.of(hung.inner, ok)) {
                for (FakeProvider.Held h : p.byKey.values()) if (h.state().equals("paid")) paidAtProviders.add(h.instruction().payoutId());
            }
            assertThat(paidAtProviders).as("each payout paid once, at one provider").hasSize(6).doesNotHaveDuplicates();
            for (int i = 1; i <= 6; i++) assertThat(TestLedger.balance(ledger, "m" + i)).isZero();
            TestLedger.assertConserved(ledger);
        } finally {
            ledger.close();
        }
    }
}
