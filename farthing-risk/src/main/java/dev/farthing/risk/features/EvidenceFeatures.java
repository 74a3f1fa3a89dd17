package dev.farthing.risk.features;

import dev.farthing.contracts.payment.PaymentRequest;

import static dev.farthing.risk.features.FeatureCatalog.*;

/**
 * Features for evidence of abuse rather than for newness: fan-out to fresh payees, a device taken up by many
 * accounts within a day, a burst against the payer's own day, and money passed on as it arrives. Their quiet
 * value is what a first payment, a new device, a new payee or a shared address gets, so none of those alone
 * moves them: only repetition does. State is bounded ({@link RecentSet}s of the configured few per payer and
 * device) and written only by the engine's single writer, on the times it is given.
 */
final class EvidenceFeatures {
    /** A payee with fewer distinct payers than this, when paid, is fresh. */
    static final double FRESH_PAYEE_PAYERS = 3;

    private EvidenceFeatures() {
    }

    /**
     * Fills the evidence features. {@code v} already holds the payer's windowed counts and sums; {@code received}
     * is the payer's state as a payee (null when it never received anything).
     */
    static void fill(PaymentRequest payment, PayerState payer, EntityState device, EntityState received,
                     long atNanos, double[] v) {
        long amount = payment.amount();
        v[PAYER_FRESH_PAYEES_1H] = payer == null ? 0
                : payer.freshPayees.firstSeenSince(atNanos - FeatureConfig.HOUR, payment.payee());
        v[DEVICE_NEW_PAYERS_24H] = device instanceof DeviceState d
                ? d.payers.firstSeenSince(atNanos - FeatureConfig.DAY, payment.payer()) : 0;
        double count1h = v[COUNTS[EntityKind.PAYER.ordinal()][SlidingWindows.HOUR]];
        double count24h = v[COUNTS[EntityKind.PAYER.ordinal()][SlidingWindows.DAY]];
        v[PAYER_COUNT_1H_VS_DAY_RATIO] = (count1h + 1) / (1 + Math.max(0, count24h - count1h) / 23);
        double sum1h = v[PAYER_SUM_1H];
        double sum24h = v[PAYER_SUM_24H];
        v[PAYER_SPEND_1H_VS_DAY_RATIO] = amount <= 0 ? 1
                : (sum1h + amount) / (amount + Math.max(0, sum24h - sum1h) / 23);
        double in24h = received == null ? 0 : received.windows.sum(SlidingWindows.DAY, atNanos);
        v[PAYER_RECEIVED_SUM_24H] = in24h;
        v[PAYER_PASSTHROUGH_24H_RATIO] = in24h <= 0 ? 0 : (sum24h + amount) / in24h;
    }

    /** Learns from a recorded payment; {@code payeePayersBefore} is the payee's distinct payers before it. */
    static void record(PaymentRequest payment, PayerState payer, EntityState device, double payeePayersBefore,
                       long atNanos) {
        if (payeePayersBefore < FRESH_PAYEE_PAYERS) {
            payer.freshPayees.add(payment.payee(), atNanos);
        }
        if (device instanceof DeviceState d) {
            d.payers.add(payment.payer(), atNanos);
        }
    }
}
