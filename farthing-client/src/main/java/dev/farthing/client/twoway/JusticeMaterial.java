package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.Party;

/**
 * What a watchtower needs to punish the broadcast of a revoked state: the state's commitment
 * ({@code ChannelState.bytes()}), the counterparty's revocation secret for it, and who is to be paid.
 */
public record JusticeMaterial(byte[] channelId, long revokedNonce, byte[] commitment, byte[] revocationSecret,
                              Party payTo) {
}
