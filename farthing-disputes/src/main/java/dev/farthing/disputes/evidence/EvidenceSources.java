package dev.farthing.disputes.evidence;

import java.util.List;
import java.util.Optional;

/**
 * Where the dispute service gathers evidence it does not hold itself; the server implements it over the ledger,
 * the risk engine and the channel service. Calls are made on the caller's thread, never on the service's writer.
 */
public interface EvidenceSources {

    Optional<PaymentFacts> payment(String paymentId);

    /** Payments of {@code payer} before {@code before} (ns) from the same device or address, newest first. */
    List<PaymentFacts> earlierPayments(String payer, String deviceId, String ip, long before, int limit);

    /** Payments of {@code payer} to {@code payee} with paid time in [from, to] (ns), newest first. */
    List<PaymentFacts> paymentsBetween(String payer, String payee, long from, long to, int limit);

    Optional<ChannelFacts> channel(String channelId);

    /** No sources: every lookup finds nothing (a dispute on a payment is then refused as not found). */
    EvidenceSources NONE = new EvidenceSources() {
        @Override
        public Optional<PaymentFacts> payment(String paymentId) {
            return Optional.empty();
        }

        @Override
        public List<PaymentFacts> earlierPayments(String payer, String deviceId, String ip, long before, int limit) {
            return List.of();
        }

        @Override
        public List<PaymentFacts> paymentsBetween(String payer, String payee, long from, long to, int limit) {
            return List.of();
        }

        @Override
        public Optional<ChannelFacts> channel(String channelId) {
            return Optional.empty();
        }
    };
}
