package dev.farthing.compliance.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.ledger.model.AccountKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario raises on its pattern, names the transfers and thresholds, and stays quiet just beside it. */
class ScenariosTest {
    private final MonitoringRules rules = MonitoringRules.first();

    private Events world() {
        return new Events().open("bank", AccountKind.SETTLEMENT).open("shop", AccountKind.MERCHANT);
    }

    private List<Alert> run(Events e) {
        return e.into(new MonitorState(rules, Events.SCALES));
    }

    private static List<Alert> of(List<Alert> alerts, Scenario s) {
        return alerts.stream().filter(a -> a.scenario() == s).toList();
    }

    @Test
    void structuringIsThreeMovementsJustUnderTheThresholdWithinAWeek() {
        Events e = world().pay("bank", "w1", 9_500).wait(Duration.ofDays(1)).pay("bank", "w1", 9_800)
                .wait(Duration.ofDays(2)).pay("bank", "w1", 9_990);
        List<Alert> s = of(run(e), Scenario.STRUCTURING);
        assertThat(s).hasSize(1);
        Alert a = s.getFirst();
        assertThat(a.subject()).isEqualTo("w1");
        assertThat(a.transferIds()).containsExactly("t1", "t2", "t3");
        assertThat(a.amountMinor()).isEqualTo(29_290 * Events.USD);
        assertThat(a.reason()).contains("3 movements in").contains("10,000.00 USD").contains("at least 3");
        assertThat(a.rulesVersion()).isEqualTo("aml-1");
        assertThat(a.id()).isEqualTo("structuring:w1@" + a.position());

        // exactly the threshold is reported anyway (not structuring); spread over more than 7 days is not a series
        assertThat(of(run(world().pay("bank", "w1", 9_500).pay("bank", "w1", 10_000).pay("bank", "w1", 9_700)), Scenario.STRUCTURING)).isEmpty();
        assertThat(of(run(world().pay("bank", "w1", 9_500).wait(Duration.ofDays(4)).pay("bank", "w1", 9_500)
                .wait(Duration.ofDays(4)).pay("bank", "w1", 9_500)), Scenario.STRUCTURING)).isEmpty();
    }

    @Test
    void rapidMovementIsMoneyPassingThroughWithinTheHour() {
        List<Alert> fast = of(run(world().pay("bank", "w1", 5_000).wait(Duration.ofMinutes(20)).pay("w1", "w2", 4_800)), Scenario.RAPID_MOVEMENT);
        assertThat(fast).hasSize(1);
        assertThat(fast.getFirst().transferIds()).containsExactly("t1", "t2");
        assertThat(fast.getFirst().direction()).isEqualTo("both");
        assertThat(fast.getFirst().reason()).contains("received 5,000.00 USD and sent 4,800.00 USD");
        assertThat(of(run(world().pay("bank", "w1", 5_000).wait(Duration.ofHours(2)).pay("w1", "w2", 4_800)), Scenario.RAPID_MOVEMENT)).isEmpty();
        assertThat(of(run(world().pay("bank", "w1", 5_000).wait(Duration.ofMinutes(20)).pay("w1", "w2", 2_000)), Scenario.RAPID_MOVEMENT)).isEmpty();
    }

    @Test
    void fanInToAWalletAlertsButAMerchantsCustomersDoNot() {
        Events mule = world();
        Events shop = world();
        for (int i = 0; i < 12; i++) {
            mule.pay("payer" + i, "mule", 300).wait(Duration.ofHours(1));
            shop.pay("payer" + i, "shop", 300).wait(Duration.ofHours(1));
        }
        List<Alert> in = of(run(mule), Scenario.FAN_IN);
        assertThat(in).hasSize(1);
        assertThat(in.getFirst().reason()).startsWith("received from 10 distinct accounts");
        assertThat(of(run(shop), Scenario.FAN_IN)).isEmpty();
    }

    @Test
    void dormantAccountWokenUpWithALargeAmount() {
        List<Alert> woken = of(run(world().pay("bank", "w1", 50).wait(Duration.ofDays(200)).pay("bank", "w1", 100)
                .wait(Duration.ofHours(3)).pay("bank", "w1", 3_000)), Scenario.DORMANT_REACTIVATION);
        assertThat(woken).hasSize(1);
        assertThat(woken.getFirst().transferIds()).containsExactly("t2", "t3");
        assertThat(woken.getFirst().reason()).contains("silent for at least 180 days");
        assertThat(of(run(world().pay("bank", "w1", 50).wait(Duration.ofDays(100)).pay("bank", "w1", 3_000)), Scenario.DORMANT_REACTIVATION)).isEmpty();
        assertThat(of(run(world().pay("bank", "w1", 3_000)), Scenario.DORMANT_REACTIVATION)).as("a first payment is not a reactivation").isEmpty();
    }

    @Test
    void velocityRoundAmountsAndCashOverTheReportThreshold() {
        Events burst = world().pay("bank", "w1", 10_000);
        for (int i = 0; i < 30; i++) burst.pay("w1", "p" + (i % 3), 50).wait(Duration.ofMinutes(1));
        assertThat(of(run(burst), Scenario.VELOCITY)).hasSize(1);

        List<Alert> round = of(run(world().pay("bank", "w1", 2_000).pay("w1", "x", 1_000).wait(Duration.ofDays(1))
                .pay("w1", "y", 3_000).pay("w1", "z", 5_000)), Scenario.ROUND_AMOUNTS);
        assertThat(round).hasSize(1);
        assertThat(round.getFirst().transferIds()).hasSize(4);

        Events cash = world().pay("bank", "w1", 6_000).wait(Duration.ofHours(2)).pay("bank", "w1", 4_000).pay("bank", "w1", 1);
        List<Alert> ctr = of(run(cash), Scenario.CASH_THRESHOLD);
        assertThat(ctr).hasSize(1);
        assertThat(ctr.getFirst().amountMinor()).isEqualTo(10_001 * Events.USD);
        assertThat(ctr.getFirst().direction()).isEqualTo("in");
        assertThat(of(run(world().pay("bank", "w1", 6_000).pay("w2", "w1", 6_000)), Scenario.CASH_THRESHOLD))
                .as("a payment from another wallet is not cash").isEmpty();
    }

    @Test
    void theShippedRulesPassThroughCashOutAndShopping() {
        MonitoringRules shipped = MonitoringRules.defaults();
        // more out than in is spending a balance, not passing money on
        assertThat(of(new Events().open("bank", AccountKind.SETTLEMENT).pay("bank", "w1", 5_000).pay("emp", "w1", 2_000)
                .wait(Duration.ofMinutes(30)).pay("w1", "w2", 6_800).into(new MonitorState(shipped, Events.SCALES)), Scenario.RAPID_MOVEMENT)).hasSize(1);
        assertThat(of(new Events().pay("emp", "w1", 2_000).pay("bank2", "w1", 8_000).wait(Duration.ofMinutes(30)).pay("w1", "w2", 11_500)
                .into(new MonitorState(shipped, Events.SCALES)), Scenario.RAPID_MOVEMENT))
                .as("115% out: spending a balance").isEmpty();
        Events spender = world();
        for (int i = 0; i < 12; i++) spender.open("m" + i, AccountKind.MERCHANT);
        for (int i = 0; i < 12; i++) spender.pay("w1", "m" + i, 600);
        assertThat(of(spender.into(new MonitorState(shipped, Events.SCALES)), Scenario.FAN_OUT)).as("shopping is not dispersal").isEmpty();
        Events mule = world();
        for (int i = 0; i < 6; i++) mule.pay("victim" + i, "mule", 900).wait(Duration.ofHours(2));
        List<Alert> cashOut = of(mule.pay("mule", "bank", 5_000).into(new MonitorState(shipped, Events.SCALES)), Scenario.FAN_IN);
        assertThat(cashOut).hasSize(1);
        assertThat(cashOut.getFirst().reason()).startsWith("withdrew 5,000.00 USD in cash after receiving 5,400.00 USD from 6 distinct accounts");
    }

    @Test
    void ordinaryShoppingRaisesNothing() {
        Events e = world().pay("bank", "w1", 2_500);
        for (int day = 0; day < 60; day++) {
            e.pay("w1", "shop", 12 + day % 7).wait(Duration.ofHours(9)).pay("w1", "w" + (day % 4 + 2), 25).wait(Duration.ofHours(15));
        }
        assertThat(run(e)).isEmpty();
    }

    @Test
    void stateIsBoundedAndSurvivesASnapshotExactly() throws IOException {
        MonitoringRules tiny = new MonitoringRules("t", 10_000, 90, 3, rules.structuringWindow(), rules.rapidWindow(), 1_000, 90, 1_000,
                rules.fanWindow(), 10, 2_000, 5, 50, rules.velocityWindow(), 30, 1_000, rules.dormantAfter(), 1_000, 1_000, 4,
                rules.roundWindow(), List.of(), 50, 8, 10);
        Events e = world();
        for (int i = 0; i < 200; i++) e.pay("bank", "w" + i, 10 + i);
        for (int i = 0; i < 20; i++) e.pay("bank", "w199", 1);
        MonitorState s = new MonitorState(tiny, Events.SCALES);
        e.into(s);
        assertThat(s.accounts).hasSize(50);
        assertThat(s.evictions).isEqualTo(150);
        assertThat(s.accounts.get("w199").movements).hasSize(8);

        e.pay("bank", "w199", 9_500).pay("bank", "w199", 9_600);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonitorSnapshot.write(s, out);
        MonitorState restored = new MonitorState(tiny, Events.SCALES);
        MonitorSnapshot.read(new ByteArrayInputStream(out.toByteArray()), restored);
        assertThat(restored.position).isEqualTo(s.position);
        assertThat(restored.accounts.keySet()).containsExactlyElementsOf(s.accounts.keySet());
        e.pay("bank", "w199", 9_700);
        assertThat(e.into(restored)).isEqualTo(e.into(s)).extracting(Alert::scenario).contains(Scenario.STRUCTURING);
    }
}
