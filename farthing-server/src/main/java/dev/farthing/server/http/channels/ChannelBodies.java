package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.server.http.ApiException;

/**
 * The channel request bodies as typed records (read by {@link ChannelRequests} and {@link TwoWayRequests}).
 * Absent fields are null: which ones a command needs depends on its variant ({@code by}), so {@link #required}
 * is asked where a field is used, and its complaint names the field.
 */
final class ChannelBodies {
    private ChannelBodies() {
    }

    /** A two-party state; the channel id is the path's. */
    record StateBody(Long nonce, Long balanceA, Long balanceB, byte[] revocationHashA, byte[] revocationHashB) {
    }

    record FundBody(Long amount) {
    }

    record ClaimBody(Long amount, byte[] signature, byte[] channel) {
    }

    record CloseBody(String by, Long amount, byte[] signature, StateBody state, byte[] signatureA, byte[] signatureB,
                     byte[] submitterSignature) {
    }

    record DisputeBody(Long stateNonce, byte[] revocationSecret, String by, StateBody state, byte[] signatureA,
                       byte[] signatureB, byte[] submitterSignature) {
    }

    record RotateBody(String party, byte[] newPublicKey, Long counter, byte[] oldKeySignature,
                      byte[] disputeKeySignature) {
    }

    record SpliceBody(StateBody state, Long topUpA, Long withdrawA, Long topUpB, Long withdrawB, byte[] signatureA,
                      byte[] signatureB) {
    }

    record RotateDisputeKeyBody(String party, byte[] newDisputeKey, Long counter, Long oldKeyUpTo,
                                byte[] oldDisputeKeySignature, byte[] signingKeySignature) {
    }

    record Signatures(byte[] payer, byte[] payee, byte[] arbiter) {
    }

    record ArbitrateBody(Long balanceA, Long balanceB, Signatures signatures) {
    }

    /** {@code value}, or {@code invalid_request} "FIELD is required" when the body left it out. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.invalid(field + " is required");
        }
        return value;
    }

    /** The body's state as the channel's {@link ChannelState}. */
    static ChannelState toState(byte[] channelId, StateBody s) {
        required(s, "state");
        try {
            return new ChannelState(channelId, required(s.nonce(), "nonce"), required(s.balanceA(), "balance_a"),
                    required(s.balanceB(), "balance_b"), required(s.revocationHashA(), "revocation_hash_a"),
                    required(s.revocationHashB(), "revocation_hash_b"));
        } catch (ArithmeticException e) {
            throw ApiException.invalid("state balances overflow");
        }
    }

    static SignedState signedState(byte[] channelId, StateBody state, byte[] signatureA, byte[] signatureB) {
        return new SignedState(toState(channelId, state), required(signatureA, "signature_a"),
                required(signatureB, "signature_b"));
    }

    static Party party(String wire, String field) {
        try {
            return Party.fromWire(required(wire, field));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + " must be \"a\" or \"b\"");
        }
    }

}
