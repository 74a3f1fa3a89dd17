package dev.farthing.contracts;

/**
 * A stable reason a domain refuses a command: each domain lists its reasons as an enum implementing this (see
 * {@code dev.farthing.contracts.payment.PaymentError}, {@code dev.farthing.channels.ChannelError}).
 * {@link #code()} is the snake_case form clients branch on; {@link #category()} tells a transport how to answer.
 */
public interface RefusalCode {

    String code();

    RefusalCategory category();
}
