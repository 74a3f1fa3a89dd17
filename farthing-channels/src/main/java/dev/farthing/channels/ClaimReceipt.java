package dev.farthing.channels;

/** A redeemed claim: the channel after it and the minor units this claim moved to the payee. */
public record ClaimReceipt(Channel channel, long redeemed) {
}
