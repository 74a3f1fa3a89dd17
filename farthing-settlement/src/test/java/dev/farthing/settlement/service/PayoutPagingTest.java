package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Payout listings page by cursor: every payout once, in order, a status filter applied before the limit. */
class PayoutPagingTest {
    @TempDir
    Path dir;

    @Test
    void pagesCoverEveryPayoutOnceInOrder() {
        Ledger ledger = TestLedger.open(dir.resolve("ledger"));
        FakeProvider p = new FakeProvider("cheap", 1, 10, 20);
        try (SettlementService s = SettlementService.open(ledger, SettlementConfig.of(dir.resolve("s"),
                List.of(p)).withPollAfter(Duration.ZERO))) {
            TestLedger.account(ledger, "platform", "USD");
            for (int i = 0; i < 5; i++) {
                TestLedger.account(ledger, "m" + i, "USD");
                TestLedger.book(ledger, "platform", "m" + i, 1_000_000, "USD", "earning");
                s.setPayee(new Payee("p" + i, "m" + i, "USD", "US", "P " + i, "US-" + i,
                        new Schedule(Schedule.Kind.DAILY, 0, 1, 0)));
            }
            p.refuseAll = true;
            s.requestPayout("x-failed", "p4", 100L); // refused everywhere: failed, funds back
            p.refuseAll = false;
            s.runDue("run");
            List<String> all = s.payouts(null).stream().map(Payout::id).toList();
            assertThat(all).hasSize(5); // p4 was paid (tried) today already: not due again
            List<String> paged = new ArrayList<>();
            String after = null;
            int pages = 0;
            while (true) {
                List<Payout> page = s.payouts(null, after, 2);
                pages++;
                if (page.isEmpty()) break;
                page.forEach(x -> paged.add(x.id()));
                after = page.getLast().id();
            }
            assertThat(paged).isEqualTo(all);
            assertThat(pages).isEqualTo(4);
            assertThat(s.payouts(PayoutStatus.SUBMITTED, null, 10)).hasSize(4);
            assertThat(s.payouts(PayoutStatus.FAILED, null, 10)).extracting(Payout::id).containsExactly("x-failed");
            assertThat(s.payouts(PayoutStatus.SUBMITTED, "x-failed", 3)).extracting(Payout::id)
                    .containsExactlyElementsOf(all.subList(1, 4));
            assertThat(s.payouts(null, "no-such-payout", 3)).isEmpty();
            assertThat(s.exceptions(null, 5)).isEmpty();
        } finally {
            ledger.close();
        }
    }
}
