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

    /**
     * A proposed splice: the next state (whose balances sum to the old total plus both changes), the
     * proposer's signature on it, its hash ahead, and the proposer's signature over {@code Splice.bytes()}.
     */
    public record SpliceUpdate(Update update, long changeA, long changeB, byte[] spliceSignature) {
        public dev.farthing.channel.protocol.Splice splice() {
            return new dev.farthing.channel.protocol.Splice(update.state(), changeA, changeB);
        }
    }

    /** The acceptor's signatures on the spliced state and on the splice. */
    public record SpliceAcceptance(Acceptance acceptance, byte[] spliceSignature) {
    }

    /** A splice both parties signed, ready for {@code POST /v1/channels/{id}/splice} by either of them. */
    public record SignedSplice(dev.farthing.channel.protocol.Splice splice, byte[] signatureA, byte[] signatureB) {
    }

    /** The sender's revocation secret for its state {@code nonce}: that state must never be broadcast again. */
    public record Revocation(byte[] channelId, long nonce, byte[] secret) {
    }
}
