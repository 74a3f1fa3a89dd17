package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.payout.Attempt;
import dev.farthing.settlement.payout.Payee;
import dev.farthing.settlement.payout.Payout;
import dev.farthing.settlement.payout.PayoutStatus;
import dev.farthing.settlement.payout.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutFlowTest {
    @TempDir
    Path dir;
    Ledger ledger;
    FakeProvider cheap;
    FakeProvider dear;
    SettlementService service;

    @BeforeEach
    void open() {
        ledger = TestLedger.open(dir.resolve("ledger"));
        TestLedger.account(ledger, "platform", "USD");
        TestLedger.account(ledger, "m1", "USD");
        cheap = new FakeProvider("cheap", 1, 10, 20);
        dear = new FakeProvider("dear", 2, 50, 50);
        service = open(List.of(cheap, dear));
    }

    SettlementService open(List<PayoutConnector> connectors) {
        return SettlementService.open(ledger, SettlementConfig.of(dir.resolve("settlement"), connectors)
                .withPollAfter(java.time.Duration.ZERO));
    }

    @AfterEach
    void close() {
        if (service != null) service.close();
        ledger.close();
    }

    void earn(long micro) {
        TestLedger.book(ledger, "platform", "m1", micro, "USD", "earning");
    }

    Payee payee(Schedule schedule) {
        return service.setPayee(new Payee("p1", "m1", "USD", "US", "Ann Example", "US-ACCT-1", schedule));
    }

    @Test
    void earningsRefundsAndChargebacksNetIntoOnePayoutPaidOnceAndTheSubCentRemainderStays() {
        for (int i = 0; i < 1000; i++) earn(3_333); // a thousand credits of a third of a cent: 3.333 USD
        TestLedger.book(ledger, "m1", "platform", 200_000, "USD", "refund");
        TestLedger.book(ledger, "m1", "platform", 100_000, "USD", "chargeback");
        payee(new Schedule(Schedule.Kind.DAILY, 0, 100, 0));

        BatchView batch = service.runDue("test");
        assertThat(batch.payouts()).hasSize(1);
        Payout p = batch.payouts().getFirst();
        // 3.333 - 0.2 - 0.1 = 3.033 USD: 303 cents paid, 3,000 micro-dollars stay for next time
        assertThat(p.minorAmount()).isEqualTo(303);
        assertThat(p.netting()).containsEntry("earnings", 3_333_000L).containsEntry("refunds", -200_000L)
                .containsEntry("chargebacks", -100_000L).containsEntry("carried_remainder", -3_000L);
        assertThat(p.status()).isEqualTo(PayoutStatus.SUBMITTED);
        assertThat(p.lastAttempt().provider()).isEqualTo("cheap");
        assertThat(p.lastAttempt().reason()).contains("lowest expected cost for USD/US").contains("dear");
        assertThat(TestLedger.view(ledger, "m1").available()).isEqualTo(3_000);
        assertThat(TestLedger.balance(ledger, "sys.settlement.inflight.USD")).isZero(); // a hold, not yet posted

        var answers = cheap.settleAll(LocalDate.of(2026, 1, 5));
        answers.forEach((key, status) -> service.onProviderStatus(key, status, "webhook"));
        answers.forEach((key, status) -> assertThat(service.onProviderStatus(key, status, "webhook")).isEqualTo("already paid"));

        Payout paid = service.payout(p.id());
        assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
        assertThat(paid.booked()).isEqualTo("paid");
        long fee = cheap.feeFor(303);
        assertThat(TestLedger.balance(ledger, "m1")).isEqualTo(3_000);
        assertThat(TestLedger.balance(ledger, "sys.settlement.provider.cheap.USD")).isEqualTo((303 + fee) * 10_000);
        assertThat(TestLedger.balance(ledger, "sys.settlement.fees.USD")).isEqualTo(-fee * 10_000);
        assertThat(TestLedger.balance(ledger, "sys.settlement.inflight.USD")).isZero();
        assertThat(cheap.paidTotal()).isEqualTo(303 + fee); // the provider's books agree
        TestLedger.assertConserved(ledger);

        // the same day, nothing is due again; the remainder is below the minimum anyway
        assertThat(service.runDue("again").payouts()).isEmpty();
    }

    @Test
    void aFailedPayoutVoidsItsHoldAndTheFundsAreBack() {
        earn(5_000_000);
        payee(Schedule.daily(100));
        cheap.failRate = 1.0;
        Payout p = service.runDue("test").payouts().getFirst();
        assertThat(TestLedger.view(ledger, "m1").available()).isZero();
        cheap.settleAll(LocalDate.of(2026, 1, 5)).forEach((k, s) -> service.onProviderStatus(k, s, "webhook"));
        Payout failed = service.payout(p.id());
        assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(failed.booked()).isEqualTo("voided");
        assertThat(TestLedger.view(ledger, "m1").available()).isEqualTo(5_000_000);
        assertThat(TestLedger.view(ledger, "m1").debitsPending()).isZero();
        TestLedger.assertConserved(ledger);
    }

    @Test
    void aRefusalFailsOverToTheNextProviderWithTheReasonRecorded() {
        earn(5_000_000);
        payee(Schedule.daily(100));
        cheap.refuseAll = true;
        Payout p = service.runDue("test").payouts().getFirst();
        assertThat(p.attempts()).extracting(Attempt::provider).containsExactly("cheap", "dear");
        assertThat(p.attempts().getFirst().outcome()).isEqualTo(Attempt.REFUSED);
        assertThat(p.attempts().get(1).reason()).contains("skipped cheap (refused this payout)");
        assertThat(p.status()).isEqualTo(PayoutStatus.SUBMITTED);
    }

    @Test
    void aTimedOutSubmitIsNeverSentElsewhereBeforeItsStatusIsKnown() {
        earn(5_000_000);
        payee(Schedule.daily(100));
        cheap.unknownRate = 1.0;
        cheap.unknownRecordedRate = 1.0; // it timed out, but the provider has it and will pay
        Payout p = service.runDue("test").payouts().getFirst();
        assertThat(p.status()).isEqualTo(PayoutStatus.IN_DOUBT);
        service.tick(); // status poll: pending at cheap
        service.tick();
        assertThat(dear.submits).isEmpty();
        assertThat(service.payout(p.id()).status()).isEqualTo(PayoutStatus.SUBMITTED);
        cheap.settleAll(LocalDate.of(2026, 1, 5)); // the webhook is lost: polling finds it
        service.tick();
        assertThat(service.payout(p.id()).status()).isEqualTo(PayoutStatus.PAID);
        assertThat(dear.submits).isEmpty();
        TestLedger.assertConserved(ledger);
    }

    @Test
    void aTimedOutSubmitTheProviderNeverGotIsRoutedAgainOnlyAfterAsking() {
        earn(5_000_000);
        payee(Schedule.daily(100));
        cheap.unknownRate = 1.0;
        cheap.unknownRecordedRate = 0.0;
        Payout p = service.runDue("test").payouts().getFirst();
        assertThat(p.status()).isEqualTo(PayoutStatus.IN_DOUBT);
        cheap.unknownRate = 0.0;
        service.tick(); // NotFound: it never arrived, so it may go again
        Payout again = service.payout(p.id());
        assertThat(again.attempts().get(0).outcome()).isEqualTo(Attempt.NOT_ARRIVED);
        assertThat(again.status()).isEqualTo(PayoutStatus.SUBMITTED);
        assertThat(again.attempts()).hasSize(2);
    }

    @Test
    void aFrozenPayeeIsNotPaidAndNothingIsHeld() {
        earn(5_000_000);
        payee(Schedule.daily(100));
        ledger.changeAccountStatus("m1", AccountStatus.FROZEN).join().orThrow();
        Payout p = service.runDue("test").payouts().getFirst();
        assertThat(p.status()).isEqualTo(PayoutStatus.FAILED);
        assertThat(p.failure()).contains("account_frozen");
        assertThat(cheap.submits).isEmpty();
    }

    @Test
    void stateSurvivesARestartAndAThresholdScheduleWaitsForItsThreshold() {
        payee(new Schedule(Schedule.Kind.THRESHOLD, 1_000, 100, 1_000)); // 10% rolling reserve
        earn(5_000_000);
        assertThat(service.runDue("below").payouts()).isEmpty(); // 4.50 payable < 10.00
        earn(10_000_000);
        Payout p = service.runDue("above").payouts().getFirst();
        assertThat(p.minorAmount()).isEqualTo(1_350); // 15.00 less a 10% reserve
        assertThat(p.netting()).containsEntry("reserve", -1_500_000L);
        service.close();
        service = open(List.of(cheap, dear));
        assertThat(service.payouts(PayoutStatus.SUBMITTED)).extracting(Payout::id).containsExactly(p.id());
        assertThat(service.batch(p.batchId()).payouts()).hasSize(1);
        cheap.settleAll(LocalDate.of(2026, 1, 5)).forEach((k, s) -> service.onProviderStatus(k, s, "webhook"));
        assertThat(service.payout(p.id()).status()).isEqualTo(PayoutStatus.PAID);
        TestLedger.assertConserved(ledger);
    }
}
