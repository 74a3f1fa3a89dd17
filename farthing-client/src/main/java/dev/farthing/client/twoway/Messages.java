package dev.farthing.client.twoway;

import dev.farthing.channel.protocol.ChannelState;

/**
 * The off-ledger messages of a two-way channel. Revocation hashes are announced {@link HashWindow#AHEAD} states
 * ahead so a proposer can pipeline updates without waiting for each acceptance.
 */
public final class Messages {
    private Messages() {
    }

    /** First message of each party: its revocation hashes for states 0..AHEAD. */
    public record Opening(byte[][] hashes) {
        public Opening {
            if (hashes.length != HashWindow.AHEAD + 1) {
                throw new IllegalArgumentException("an opening announces " + (HashWindow.AHEAD + 1) + " hashes");
            }
        }
    }

    /** A proposed next state signed by the proposer, with the proposer's hash for {@code nonce + AHEAD}. */
    public record Update(ChannelState state, byte[] signature, byte[] hashAhead) {
    }

    /** The acceptor's signature on {@code nonce}, with the acceptor's hash for {@code nonce + AHEAD}. */
    public record Acceptance(long nonce, byte[] signature, byte[] hashAhead) {
    }

    /** The sender's revocation secret for its state {@code nonce}: that state must never be broadcast again. */
    public record Revocation(byte[] channelId, long nonce, byte[] secret) {
    }
}
