package dev.farthing.disputes.evidence;

/**
 * A payment channel as the channel service holds it: its parties (payer and payee ledger accounts), currency,
 * status, operation count, what the payee has redeemed so far ({@code paidToPayee}), the deposit, and whether the
 * payer signed what was redeemed ({@code payerSigned}: every redemption carries the payer's signature).
 */
public record ChannelFacts(String channelId, String payer, String payee, String currency, String status,
                           long latestVersion, long paidToPayee, long deposit, boolean payerSigned) {
}
