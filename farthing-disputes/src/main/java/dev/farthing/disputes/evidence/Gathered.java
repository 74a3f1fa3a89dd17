package dev.farthing.disputes.evidence;

import java.util.List;

/**
 * Everything gathered for one dispute at one moment: the payment (null for a channel dispute), Compelling-Evidence
 * style matches (earlier undisputed payments of the same payer from the same device or address), deliveries of
 * the payment, the channel (when one is named), near-identical payments (for a duplicate claim), the
 * usual amount the claimant paid this payee before (median, 0 when none: for a wrong-amount claim) and the
 * claimant's history.
 */
public record Gathered(PaymentFacts payment, int priorSameDevice, int priorSameAddress, List<String> priorPaymentIds,
                       List<Delivery> deliveries, ChannelFacts channel, int nearIdenticalPayments,
                       long usualAmount, ClaimantHistory history) {
    public Gathered {
        priorPaymentIds = List.copyOf(priorPaymentIds);
        deliveries = List.copyOf(deliveries);
    }

    /** Visa CE 3.0 asks for two earlier undisputed transactions matching on device or address. */
    public boolean compellingEvidence3() {
        return Math.max(priorSameDevice, priorSameAddress) >= 2;
    }

    public boolean delivered() {
        return !deliveries.isEmpty();
    }

    public boolean consumed() {
        return deliveries.stream().anyMatch(Delivery::consumed);
    }

    /** The highest progress recorded; 1 when a delivery does not say; 0 when nothing was delivered. */
    public double progress() {
        return deliveries.stream().mapToDouble(d -> d.progress() == null ? 1.0 : d.progress()).max().orElse(0);
    }
}
