package dev.farthing.channels;

/**
 * One entry of the durable channel event stream that watchtowers follow. Types: {@code opened},
 * {@code close_started} (a unilateral two-way close or a one-way payer close), {@code state_replaced} (a
 * higher-nonce state replaced the submitted one during the window), {@code penalty}, {@code settled},
 * {@code rotated}. {@code commitment} is the submitted {@code ChannelState.bytes()} for close_started and
 * state_replaced (null otherwise); {@code windowEndsAt} the ledger time the window closes (0 when none);
 * {@code opSeq} the channel operation that emitted it (recovery re-emits an event it finds missing).
 */
public record ChannelEvent(long seq, String type, byte[] channelId, byte[] commitment, long nonce,
                           long windowEndsAt, long at, long opSeq) {
}
