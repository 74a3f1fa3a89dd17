package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.settlement.SettlementException;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.money.FxRate;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Payees whose balance is in USD paid in EUR (scale 2) or JPY (scale 0): the quote is recorded on the payout and
 * used when it is paid, whatever the rate is by then; the amount is the conversion rounded down to the target's
 * minor unit; every sub-unit is booked or carried, so value is conserved exactly; a failed payout is never converted.
 */
class CrossCurrencyPayoutTest {
    private static final String SPREAD = "sys.settlement.fx_spread.";
    private static final String ROUNDING = "sys.settlement.fx_rounding.";

    @TempDir
    Path dir;

    private static FxRate rate(String base, String quote, String r, int minute) {
        return new FxRate(base, quote, new BigDecimal(r), "test desk " + minute,
                Instant.parse("2026-01-05T09:00:00Z").plusSeconds(60L * minute));
    }

    private SettlementService open(Ledger ledger, List<PayoutConnector> providers) {
        return SettlementService.open(ledger, SettlementConfig.of(dir.resolve("s"), providers).withPollAfter(Duration.ZERO));
    }

    @Test
    void aUsdBalancePaidInEuroUsesTheRecordedQuoteAndBooksEveryRemainder() {
        Ledger ledger = TestLedger.open(dir.resolve("ledger"));
        FakeProvider p = new FakeProvider("cheap", 1, 10, 20);
        try (SettlementService s = open(ledger, List.of(p))) {
            TestLedger.account(ledger, "platform", "USD");
            TestLedger.account(ledger, "m1", "USD");
            TestLedger.book(ledger, "platform", "m1", 10_123_456, "USD", "earning");
            Payee payee = new Payee("p1", "m1", "USD", "DE", "Ada", "DE02120300000000202051",
                    new Schedule(Schedule.Kind.DAILY, 0, 100, 0), "EUR", 50);
            assertThatThrownBy(() -> s.requestPayout("x1", "p1", null)).isInstanceOf(SettlementException.class); // no payee yet
            s.setPayee(payee);
            assertThatThrownBy(() -> s.requestPayout("x1", "p1", null)).isInstanceOf(SettlementException.class)
                    .hasMessageContaining("no USD/EUR rate");
            assertThat(s.runDue("no rate").payouts()).as("a scheduled payee without a rate waits").isEmpty();
            s.putRate(rate("USD", "EUR", "0.9213", 0));

            Payout po = s.runDue("run").payouts().getFirst();
            // 10.12 USD held (0.003456 stays); x 0.9213 = 9.323556 EUR, less 50 bps = 9.27693822: 9.276938 credited, 927 cents paid
            assertThat(po.ledgerAmount()).isEqualTo(10_120_000);
            assertThat(po.currency()).isEqualTo("EUR");
            assertThat(po.minorAmount()).isEqualTo(927);
            assertThat(po.minorScale()).isEqualTo(2);
            assertThat(po.fx().sourceCurrency()).isEqualTo("USD");
            assertThat(po.fx().rate()).isEqualTo("0.9213");
            assertThat(po.fx().rateSource()).isEqualTo("test desk 0");
            assertThat(po.fx().spreadBps()).isEqualTo(50);
            assertThat(po.fx().creditedLedger()).isEqualTo(9_276_938);
            assertThat(po.status()).isEqualTo(PayoutStatus.SUBMITTED);
            assertThat(TestLedger.view(ledger, "m1").available()).isEqualTo(3_456);

            s.putRate(rate("USD", "EUR", "0.9500", 1)); // the market moves before the provider pays: the quote holds
            p.settleAll(LocalDate.of(2026, 1, 5)).forEach((k, st) -> s.onProviderStatus(k, st, "webhook"));
            Payout paid = s.payout(po.id());
            assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
            assertThat(paid.booked()).isEqualTo("paid");
            long fee = p.feeFor(927);
            assertThat(TestLedger.balance(ledger, "m1")).isEqualTo(3_456);
            assertThat(TestLedger.balance(ledger, "sys.settlement.inflight.USD")).isZero();
            assertThat(TestLedger.balance(ledger, "sys.settlement.inflight.EUR")).isZero();
            assertThat(TestLedger.balance(ledger, "sys.settlement.provider.cheap.EUR")).isEqualTo(9_270_000 + fee * 10_000);
            assertThat(TestLedger.balance(ledger, "sys.settlement.fx.USD")).isEqualTo(10_120_000);
            assertThat(TestLedger.balance(ledger, SPREAD + "EUR")).isEqualTo(46_617); // floor(9,323,556 x 0.005)
            // 6,938 below a cent + 1 unit of conversion rounding (9,323,556 - 9,276,938 - 46,617)
            assertThat(TestLedger.balance(ledger, ROUNDING + "EUR")).isEqualTo(6_938 + 1);
            assertThat(s.fxCarry("USD/EUR")).isEqualByComparingTo(BigDecimal.ZERO);
            TestLedger.assertConserved(ledger);
        } finally {
            ledger.close();
        }
    }

    @Test
    void conversionsConserveValueToTheFractionAndFailedPayoutsAreNeverConverted() {
        long seed = Long.getLong("farthing.seed", System.nanoTime() % 1_000_000);
        System.out.println("CrossCurrencyPayoutTest seed=" + seed + " (-Dfarthing.seed=" + seed + " to reproduce)");
        Random random = new Random(seed);
        Ledger ledger = TestLedger.open(dir.resolve("ledger"));
        FakeProvider p = new FakeProvider("cheap", seed, 10, 20);
        p.failRate = 0.2;
        try (SettlementService s = open(ledger, List.of(p))) {
            TestLedger.account(ledger, "platform", "USD");
            int payees = 12;
            for (int i = 0; i < payees; i++) {
                TestLedger.account(ledger, "m" + i, "USD");
                String target = i % 2 == 0 ? "EUR" : "JPY";
                s.setPayee(new Payee("p" + i, "m" + i, "USD", "DE", "Payee " + i, "DE-" + i,
                        new Schedule(Schedule.Kind.THRESHOLD, 1, 1, 0), target, random.nextInt(301)));
            }
            BigDecimal exactValue = BigDecimal.ZERO; // in target ledger units, per target: EUR then JPY
            BigDecimal exactJpy = BigDecimal.ZERO;
            long convertedUsd = 0;
            for (int round = 0; round < 6; round++) {
                s.putRate(rate("USD", "EUR", new BigDecimal("0.85").add(BigDecimal.valueOf(random.nextInt(100_000), 6)).toPlainString(), round));
                s.putRate(rate("USD", "JPY", new BigDecimal("140").add(BigDecimal.valueOf(random.nextInt(10_000_000), 5)).toPlainString(), round));
                for (int i = 0; i < payees; i++) {
                    TestLedger.book(ledger, "platform", "m" + i, 1 + random.nextInt(50_000_000), "USD", "earning");
                }
                List<Payout> batch = s.runDue("round " + round).payouts();
                assertThat(batch).isNotEmpty();
                s.putRate(rate("USD", "EUR", "0.5", round * 10 + 9)); // never used by the payouts already quoted
                p.settleAll(LocalDate.of(2026, 1, 5).plusDays(round)).forEach((k, st) -> s.onProviderStatus(k, st, "webhook"));
                for (Payout planned : batch) {
                    Payout po = s.payout(planned.id());
                    assertThat(po.status()).isIn(PayoutStatus.PAID, PayoutStatus.FAILED);
                    assertThat(po.booked()).isIn("paid", "voided");
                    if (po.status() != PayoutStatus.PAID) continue;
                    BigDecimal value = BigDecimal.valueOf(po.ledgerAmount()).multiply(new BigDecimal(po.fx().rate()))
                            .movePointRight(po.currency().equals("EUR") ? 0 : -6); // USD scale 6 -> EUR 6, JPY 0
                    if (po.currency().equals("EUR")) exactValue = exactValue.add(value);
                    else exactJpy = exactJpy.add(value);
                    convertedUsd += po.ledgerAmount();
                }
            }
            assertThat(s.payouts(PayoutStatus.FAILED)).as("seed %d: some failed", seed).isNotEmpty();
            // only paid payouts were converted: what entered the FX desk in USD is exactly their holds
            assertThat(TestLedger.balance(ledger, "sys.settlement.fx.USD")).isEqualTo(convertedUsd);
            for (String cur : List.of("EUR", "JPY")) {
                BigDecimal value = cur.equals("EUR") ? exactValue : exactJpy;
                // value = paid out + sub-minor remainders and rounding + spread + what is still carried, to the fraction
                BigDecimal carry = s.fxCarry("USD/" + cur);
                BigDecimal booked = BigDecimal.valueOf(TestLedger.balance(ledger, "sys.settlement.provider.cheap." + cur))
                        .subtract(BigDecimal.valueOf(feesOf(p, cur)))
                        .add(BigDecimal.valueOf(TestLedger.balance(ledger, ROUNDING + cur)))
                        .add(BigDecimal.valueOf(TestLedger.balance(ledger, SPREAD + cur)))
                        .add(carry);
                assertThat(booked).as("seed %d: %s conserved", seed, cur).isEqualByComparingTo(value);
                // the desk paid out in whole units what the conversions were worth, less what is still carried
                assertThat(BigDecimal.valueOf(-TestLedger.balance(ledger, "sys.settlement.fx." + cur)).add(carry))
                        .as("seed %d: %s desk", seed, cur).isEqualByComparingTo(value);
            }
            TestLedger.assertConserved(ledger);
        } finally {
            ledger.close();
        }
    }

    /** The fees the provider charged in {@code cur}, in ledger units (fees are booked onto the provider's account). */
    private static long feesOf(FakeProvider p, String cur) {
        long factor = cur.equals("EUR") ? 10_000 : 1;
        long sum = 0;
        for (FakeProvider.Held h : p.byKey.values()) {
            if (h.state().equals("paid") && h.instruction().currency().equals(cur)) sum += h.fee() * factor;
        }
        return sum;
    }
}
