package dev.farthing.risk.features;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A payer's usual amounts and hours as two small streaming histograms: amounts by bit length (log2 buckets)
 * and payments by UTC hour of day. Every {@link #DECAY_AT} payments all counts are halved, so the baseline
 * follows slow drift but a sudden change (a takeover) stands out. Amount quantiles are resolved to the
 * bucket (a factor of 2), which is what a deviation score needs.
 */
final class PayerBaseline {
    static final int DECAY_AT = 1024;
    static final int MIN_AMOUNTS = 5;
    static final int MIN_HOURS = 10;
    private static final int AMOUNT_BUCKETS = 48;

    private final int[] amounts = new int[AMOUNT_BUCKETS];
    private final int[] hours = new int[24];
    private int total;
    private int amountTotal;

    static int amountBucket(long amount) {
        return amount <= 0 ? 0 : Math.min(AMOUNT_BUCKETS - 1, 64 - Long.numberOfLeadingZeros(amount));
    }

    void add(long amount, int hour) {
        if (total >= DECAY_AT) {
            total = 0;
            amountTotal = 0;
            for (int i = 0; i < AMOUNT_BUCKETS; i++) {
                amounts[i] /= 2;
                amountTotal += amounts[i];
            }
            for (int h = 0; h < 24; h++) {
                hours[h] /= 2;
                total += hours[h];
            }
        }
        amounts[amountBucket(amount)]++;
        hours[hour]++;
        total++;
        amountTotal++;
    }

    /** Share (0..1) of past payments with a smaller amount, half of those in the same bucket; NaN if few. */
    double amountPercentile(long amount) {
        if (amountTotal < MIN_AMOUNTS) {
            return Double.NaN;
        }
        int bucket = amountBucket(amount);
        long below = 0;
        for (int i = 0; i < bucket; i++) {
            below += amounts[i];
        }
        return (below + 0.5 * amounts[bucket]) / amountTotal;
    }

    /** |log2 bucket of amount − median log2 bucket of past amounts|; NaN if few. */
    double amountDeviationLog2(long amount) {
        if (amountTotal < MIN_AMOUNTS) {
            return Double.NaN;
        }
        long cumulative = 0;
        int median = 0;
        for (int i = 0; i < AMOUNT_BUCKETS; i++) {
            cumulative += amounts[i];
            if (2 * cumulative >= amountTotal) {
                median = i;
                break;
            }
        }
        return Math.abs(amountBucket(amount) - median);
    }

    /** Share (0..1) of past payments in this hour of day or the hours beside it; NaN if few. */
    double hourShare(int hour) {
        if (total < MIN_HOURS) {
            return Double.NaN;
        }
        int near = hours[(hour + 23) % 24] + hours[hour] + hours[(hour + 1) % 24];
        return (double) near / total;
    }

    /**
     * amount deviation (log2) + 2 × (1 − min(1, 8 × hour share)): 0 for a usual amount at a usual hour (a
     * uniform spread over the day gives 3/24 × 8 = 1), up to 2 more for an hour the payer never pays at.
     */
    static double deviationScore(double amountDeviation, double hourShare) {
        double hourPart = Double.isNaN(hourShare) ? Double.NaN : 2 * (1 - Math.min(1, 8 * hourShare));
        if (Double.isNaN(amountDeviation)) {
            return hourPart;
        }
        return Double.isNaN(hourPart) ? amountDeviation : amountDeviation + hourPart;
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeInt(total);
        out.writeInt(amountTotal);
        for (int a : amounts) {
            out.writeInt(a);
        }
        for (int h : hours) {
            out.writeInt(h);
        }
    }

    void readFrom(DataInput in) throws IOException {
        total = in.readInt();
        amountTotal = in.readInt();
        for (int i = 0; i < AMOUNT_BUCKETS; i++) {
            amounts[i] = in.readInt();
        }
        for (int h = 0; h < 24; h++) {
            hours[h] = in.readInt();
        }
        if (total < 0 || total > DECAY_AT || amountTotal < 0 || amountTotal > DECAY_AT) {
            throw new IOException("baseline total out of range: " + total);
        }
    }
}
