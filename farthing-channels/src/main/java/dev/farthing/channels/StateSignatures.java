package dev.farthing.channels;

import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;

/** Signature checks of two-way submissions, with precise refusals (bad signature, rotated-out key). */
final class StateSignatures {
    private StateSignatures() {
    }

    /**
     * Both signing keys signed the state, and the submitter's dispute key signed the submission: the current
     * dispute key, or the one it rotated out last for a state no newer than that rotation allowed.
     */
    static void verifySubmission(Channel seen, Party by, SignedState state, byte[] submitterSignature) {
        if (!state.verify(seen.keys().signingA(), seen.keys().signingB())) {
            throw refusal(seen, state.state().bytes(), state.signatureA(), state.signatureB());
        }
        if (CloseSubmission.verify(by, state.state(), seen.keys().dispute(by, seen.terms()), submitterSignature)) {
            return;
        }
        byte[] retired = seen.keys().retiredDisputeFor(by, state.state().nonce());
        if (retired != null && CloseSubmission.verify(by, state.state(), retired, submitterSignature)) {
            return;
        }
        DisputeKeys d = seen.keys().disputes();
        if (d != null && d.retired(by) != null && CloseSubmission.verify(by, state.state(), d.retired(by), submitterSignature)) {
            throw new ChannelException(ChannelError.RETIRED_KEY, "party " + by.wire() + "'s old dispute key may submit"
                    + " states up to nonce " + d.retiredUpTo(by) + " only; sign with the new dispute key");
        }
        throw new ChannelException(ChannelError.INVALID_SIGNATURE,
                "the submission must be signed by party " + by.wire() + "'s dispute key");
    }

    /** A bad signature, or one by a key rotated out: say which. */
    static ChannelException refusal(Channel c, byte[] msg, byte[] sigA, byte[] sigB) {
        for (Party p : Party.values()) {
            byte[] retired = c.keys().retired(p);
            byte[] sig = p == Party.A ? sigA : sigB;
            if (retired != null && dev.farthing.channel.protocol.SignatureCheck.verify(retired, msg, sig)) {
                return new ChannelException(ChannelError.RETIRED_KEY,
                        "party " + p.wire() + " signed with a key that has been rotated out");
            }
        }
        return new ChannelException(ChannelError.INVALID_SIGNATURE, "the state must be signed by both current signing keys");
    }

    /** Signatures were checked against {@code seen}'s keys; refuse if a rotation landed in between. */
    static Op sameKeys(Channel seen, Channel now, Op op) {
        if (now.keys() != seen.keys()) {
            throw new ChannelException(ChannelError.RETIRED_KEY, "the signing keys changed; re-sign and retry");
        }
        return op;
    }
}
