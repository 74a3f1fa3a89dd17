package dev.farthing.channels;

/**
 * {@code POST /v1/channels}. One-way: {@code payer} (A) deposits {@code amount} and {@code publicKey} signs
 * claims. Two-way: A deposits {@code amount}, B deposits {@code amountB} (may be 0), {@code publicKey} /
 * {@code publicKeyB} are the signing keys and {@code disputeKeyA} / {@code disputeKeyB} the dispute keys.
 * {@code settleDelayS}, {@code disputeWindowS} null take the defaults; {@code cancelAfter} is ledger ns, 0 none.
 */
public record OpenRequest(byte[] id, ChannelKind kind, String payer, String payee, long amount, long amountB,
                          String currency, byte[] publicKey, byte[] publicKeyB, byte[] disputeKeyA,
                          byte[] disputeKeyB, Long settleDelayS, Long disputeWindowS, long cancelAfter) {
}
