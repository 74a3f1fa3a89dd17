package dev.farthing.model.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The engineered features on hand-made rows whose mechanics are known. */
class EngineeredFeaturesTest {

    private static double feature(double[] row, String name) {
        int at = PaySimFeatures.names().indexOf(name);
        assertThat(at).as("feature " + name).isNotNegative();
        return row[at];
    }

    @Test
    void paySimMuleTransferEmptiesThePayerAndNeverReachesThePayee() {
        // The classic PaySim fraud: the whole balance transferred, the payee's balances stay 0.
        double[] row = PaySimFeatures.of(745, "TRANSFER", 181.0, 181.0, 0.0, "C553264065", 0.0, 0.0);
        assertThat(feature(row, "type_transfer")).isEqualTo(1);
        assertThat(feature(row, "type_cash_out") + feature(row, "type_payment")).isZero();
        assertThat(feature(row, "orig_balance_error")).isZero();
        assertThat(feature(row, "dest_balance_error")).isEqualTo(1.0);    // the whole amount is missing at the payee
        assertThat(feature(row, "amount_over_orig_balance")).isCloseTo(Math.log(2), within(1e-12));
        assertThat(feature(row, "orig_emptied")).isEqualTo(1);
        assertThat(feature(row, "orig_balance_was_zero")).isZero();
        assertThat(feature(row, "dest_zero_despite_amount")).isEqualTo(1);
        assertThat(feature(row, "dest_is_merchant")).isZero();
        assertThat(feature(row, "log_amount")).isCloseTo(Math.log(182), within(1e-12));
        assertThat(feature(row, "hour_of_day")).isEqualTo(745 % 24);
    }

    @Test
    void paySimOrdinaryMerchantPaymentBalances() {
        double[] row = PaySimFeatures.of(1, "PAYMENT", 9839.64, 170136.0, 160296.36, "M1979787155", 0.0, 0.0);
        assertThat(feature(row, "type_payment")).isEqualTo(1);
        assertThat(feature(row, "orig_balance_error")).isCloseTo(0, within(1e-9));
        assertThat(feature(row, "orig_emptied")).isZero();
        assertThat(feature(row, "dest_is_merchant")).isEqualTo(1);
        assertThat(feature(row, "amount_over_orig_balance")).isCloseTo(Math.log1p(9839.64 / 170136.0), within(1e-12));
        assertThat(feature(row, "log_orig_balance")).isCloseTo(Math.log1p(170136.0), within(1e-12));
        assertThat(feature(row, "hour_of_day")).isEqualTo(1);
    }

    @Test
    void paySimBalanceErrorsAreRelativeToTheAmountAndBounded() {
        // Payee received 100 and shows +100: no error; payer's balance fell by 150 for 100 sent: 50 unexplained, +0.5.
        double[] row = PaySimFeatures.of(30, "CASH_OUT", 100, 1000, 850, "C2", 500, 600);
        assertThat(feature(row, "orig_balance_error")).isCloseTo(0.5, within(1e-12));
        assertThat(feature(row, "dest_balance_error")).isCloseTo(0, within(1e-12));
        assertThat(feature(row, "dest_zero_despite_amount")).isZero();
        assertThat(feature(row, "hour_of_day")).isEqualTo(6);
        // A payer with nothing before: the ratio falls back to the amount, and the error is clamped.
        double[] empty = PaySimFeatures.of(2, "TRANSFER", 10, 0, 0, "C3", 0, 0);
        assertThat(feature(empty, "orig_balance_was_zero")).isEqualTo(1);
        assertThat(feature(empty, "orig_emptied")).isZero();
        assertThat(feature(empty, "orig_balance_error")).isEqualTo(-1.0);
        double[] wild = PaySimFeatures.of(2, "CASH_IN", 1, 0, 1_000_000, "C3", 0, 0);
        assertThat(feature(wild, "orig_balance_error")).isEqualTo(-10.0);
        // No raw magnitude is a feature: only logs.
        assertThat(PaySimFeatures.names()).doesNotContain("amount", "oldbalanceOrg", "newbalanceOrig",
                "oldbalanceDest", "newbalanceDest", "step");
    }

    @Test
    void paySimRefusesImpossibleValues() {
        assertThatThrownBy(() -> PaySimFeatures.of(1, "WIRE", 1, 1, 0, "C1", 0, 0)).hasMessageContaining("WIRE");
        assertThatThrownBy(() -> PaySimFeatures.of(1, "PAYMENT", -1, 1, 0, "C1", 0, 0)).hasMessageContaining("amount");
        assertThatThrownBy(() -> PaySimFeatures.of(1, "PAYMENT", 1, Double.NaN, 0, "C1", 0, 0))
                .hasMessageContaining("oldbalanceOrg");
    }

    @Test
    void ulbKeepsComponentsLogsAmountAndUsesHourOfDay() {
        double[] v = new double[28];
        for (int i = 0; i < v.length; i++) {
            v[i] = i - 14.5;
        }
        // 1 day, 3 hours and 59 minutes after the capture began: hour 3.
        double[] row = UlbFeatures.of(86_400 + 3 * 3600 + 59 * 60, v, 149.62);
        List<String> names = UlbFeatures.names();
        assertThat(names).hasSize(30).startsWith("V1").endsWith("log_amount", "hour_of_day").doesNotContain("Time", "Amount");
        assertThat(row[0]).isEqualTo(-14.5);
        assertThat(row[27]).isEqualTo(12.5);
        assertThat(row[names.indexOf("log_amount")]).isCloseTo(Math.log1p(149.62), within(1e-12));
        assertThat(row[names.indexOf("hour_of_day")]).isEqualTo(3);
        assertThatThrownBy(() -> UlbFeatures.of(0, v, -1)).hasMessageContaining("Amount");
    }

    @Test
    void timeSplitNeverPutsOneStepInBothParts() {
        long[] steps = {1, 1, 1, 2, 2, 3, 3, 3, 4, 5};
        double[][] rows = new double[steps.length][1];
        int[] labels = new int[steps.length];
        for (int i = 0; i < steps.length; i++) {
            rows[i][0] = i;
            labels[i] = i % 3 == 0 ? 1 : 0;
        }
        StampedDataset data = new StampedDataset(new Dataset(List.of("i"), rows, labels, null), steps);
        // 60% is reached inside step 3 (rows 5-7): step 3 goes wholly to train.
        DatasetSplit split = TimeSplit.of(data, 0.6);
        assertThat(split.trainIndices()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(split.testIndices()).containsExactly(8, 9);
        assertThat(TimeSplit.cutoff(steps, 0.6)).isEqualTo(3);
        assertThat(TimeSplit.of(data, 0.3).testIndices()).containsExactly(3, 4, 5, 6, 7, 8, 9);
        // Shuffled input order: the split follows time, not file order.
        long[] shuffled = {5, 1, 3, 1, 4, 2};
        StampedDataset s = new StampedDataset(new Dataset(List.of("i"), new double[6][1], new int[6], null), shuffled);
        assertThat(TimeSplit.of(s, 0.5).testIndices()).containsExactly(0, 2, 4);
        long[] oneStep = {7, 7, 7};
        StampedDataset flat = new StampedDataset(new Dataset(List.of("i"), new double[3][1], new int[3], null), oneStep);
        assertThatThrownBy(() -> TimeSplit.of(flat, 0.5)).hasMessageContaining("no rows after time 7");
    }
}
