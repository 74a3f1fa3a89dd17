package dev.farthing.channels;

import java.util.List;

/**
 * What an operation decided: the channel after it, the ledger moves that realise it, and the event it
 * emits (null for none). Rules compute it; the service makes it durable and applies it.
 */
record Op(Channel after, List<Move> moves, EventSpec event) {

    /** The event an operation emits once its moves are durable. */
    record EventSpec(String type, byte[] commitment, long nonce, long windowEndsAt) {
        static EventSpec of(String type) {
            return new EventSpec(type, null, 0, 0);
        }
    }
}
