package dev.farthing.disputes.model;

import java.util.List;

/**
 * The money a dispute moved: the provisional credit hold (null when none), what has been refunded so far, whether
 * the chargeback fee was charged, every transfer id, and a status: {@code none}, {@code provisional},
 * {@code refunded}, {@code reversed} or {@code failed} (with the ledger's detail; retried on the next step).
 */
public record Money(String provisionalHold, long refunded, boolean feeCharged, int steps, List<String> transfers,
                    String status, String detail) {
    public static final Money NONE = new Money(null, 0, false, 0, List.of(), "none", null);

    public Money {
        transfers = List.copyOf(transfers);
    }
}
