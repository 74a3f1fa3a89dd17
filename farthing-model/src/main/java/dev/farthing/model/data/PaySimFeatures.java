package dev.farthing.model.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Features that describe how a PaySim transaction moves money rather than how much: whether the balances add
 * up, whether the payer is emptied, whether the payee's balance never shows the money (a mule or a merchant),
 * the transaction type and the hour. Magnitudes enter only as logarithms, and balance errors only relative to
 * the amount, so a model cannot memorise the sample's particular balances.
 */
public final class PaySimFeatures {

    public static final List<String> TYPES = List.of("CASH_IN", "CASH_OUT", "DEBIT", "PAYMENT", "TRANSFER");

    private static final List<String> MECHANICS = List.of(
            "log_amount",                // log(1 + amount)
            "log_orig_balance",          // log(1 + oldbalanceOrg)
            "orig_balance_error",        // (oldbalanceOrg - amount - newbalanceOrig) / amount
            "dest_balance_error",        // (oldbalanceDest + amount - newbalanceDest) / amount
            "amount_over_orig_balance",  // log(1 + amount / oldbalanceOrg), amount when the balance is 0
            "orig_emptied",              // 1 when a positive balance ends at 0
            "orig_balance_was_zero",     // 1 when the payer had nothing before
            "dest_zero_despite_amount",  // 1 when the payee's balance is 0 before and after a positive amount
            "dest_is_merchant",          // 1 when nameDest starts with M (merchants have no balances in PaySim)
            "hour_of_day");              // step % 24 (a step is an hour of simulated time)

    private PaySimFeatures() {
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        TYPES.forEach(t -> names.add("type_" + t.toLowerCase(Locale.ROOT)));
        names.addAll(MECHANICS);
        return names;
    }

    /**
     * One transaction's features, in {@link #names()} order.
     *
     * @throws IllegalArgumentException for an unknown type or a negative amount or balance
     */
    public static double[] of(long step, String type, double amount, double oldBalanceOrig, double newBalanceOrig,
                              String nameDest, double oldBalanceDest, double newBalanceDest) {
        int slot = TYPES.indexOf(type);
        if (slot < 0) {
            throw new IllegalArgumentException("unknown transaction type '" + type + "' (expected one of " + TYPES + ")");
        }
        requireNonNegative("amount", amount);
        requireNonNegative("oldbalanceOrg", oldBalanceOrig);
        requireNonNegative("newbalanceOrig", newBalanceOrig);
        requireNonNegative("oldbalanceDest", oldBalanceDest);
        requireNonNegative("newbalanceDest", newBalanceDest);
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        double[] row = new double[TYPES.size() + MECHANICS.size()];
        row[slot] = 1.0;
        int k = TYPES.size();
        // Relative errors need a positive denominator; a zero amount moves nothing, so its errors are 0 by fiat.
        double per = amount > 0 ? 1.0 / amount : 0.0;
        row[k++] = Math.log1p(amount);
        row[k++] = Math.log1p(oldBalanceOrig);
        row[k++] = clamp((oldBalanceOrig - amount - newBalanceOrig) * per);
        row[k++] = clamp((oldBalanceDest + amount - newBalanceDest) * per);
        row[k++] = Math.log1p(oldBalanceOrig > 0 ? amount / oldBalanceOrig : amount);
        row[k++] = oldBalanceOrig > 0 && newBalanceOrig == 0 ? 1 : 0;
        row[k++] = oldBalanceOrig == 0 ? 1 : 0;
        row[k++] = amount > 0 && oldBalanceDest == 0 && newBalanceDest == 0 ? 1 : 0;
        row[k++] = nameDest != null && nameDest.startsWith("M") ? 1 : 0;
        row[k] = step % 24;
        return row;
    }

    /** Relative errors beyond +-10 amounts say nothing more and would dominate a linear model. */
    private static double clamp(double ratio) {
        return Math.max(-10.0, Math.min(10.0, ratio));
    }

    private static void requireNonNegative(String column, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(column + " must be a number >= 0, got " + value);
        }
    }
}
