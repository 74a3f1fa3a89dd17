package dev.farthing.settlement.service;

import java.time.Duration;

/**
 * How provider calls run off the writer thread ({@link ProviderCalls}).
 *
 * @param threads         calls in flight at once, over all providers (the pool's threads; its queue holds as many)
 * @param perProvider     calls in flight at one provider: a hung provider holds at most this many threads, the rest
 *                        serve the others; a payout routed to a provider at its limit waits (held) for a free slot
 * @param callTimeout     how long the writer waits for an answer: a submit not answered by then is in doubt (it may
 *                        have been sent), a status poll unreachable; the slot stays taken until the thread returns
 * @param answerWait      how long {@code runDue}, {@code requestPayout} and {@code tick} wait, on the caller's thread,
 *                        for the answers to what they sent before replying with the payouts as they stand
 * @param maxPollInterval the longest wait between two status polls of one payout: polls back off from
 *                        {@code pollAfter}, doubling each time the provider says nothing new, up to this
 */
public record ProviderCallLimits(int threads, int perProvider, Duration callTimeout, Duration answerWait,
                                 Duration maxPollInterval) {
    public static final ProviderCallLimits DEFAULT = new ProviderCallLimits(16, 8, Duration.ofSeconds(30),
            Duration.ofSeconds(40), Duration.ofMinutes(10));

    public ProviderCallLimits {
        if (threads < 1 || threads > 256 || perProvider < 1 || perProvider > threads) {
            throw new IllegalArgumentException("threads must be 1..256 and perProvider 1..threads: " + threads + ", " + perProvider);
        }
        if (!callTimeout.isPositive() || answerWait.isNegative() || maxPollInterval.isNegative()) {
            throw new IllegalArgumentException("callTimeout must be positive, answerWait and maxPollInterval not negative");
        }
    }
}
