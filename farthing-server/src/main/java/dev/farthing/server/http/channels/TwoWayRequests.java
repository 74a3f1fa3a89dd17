package dev.farthing.server.http.channels;

import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.channels.ChannelBodies.ArbitrateBody;
import dev.farthing.server.http.channels.ChannelBodies.RotateBody;
import dev.farthing.server.http.channels.ChannelBodies.RotateDisputeKeyBody;
import dev.farthing.server.http.channels.ChannelBodies.Signatures;
import dev.farthing.server.http.channels.ChannelBodies.SpliceBody;
import dev.farthing.server.http.channels.ChannelBodies.StateBody;

import static dev.farthing.server.http.channels.ChannelRequests.count;
import static dev.farthing.server.http.channels.ChannelRequests.state;

/** Strict readers for the key-rotation, splice and arbitration bodies ({@link ChannelBodies}). */
final class TwoWayRequests {
    private TwoWayRequests() {
    }

    static RotateBody rotate(JsonIn in) {
        in.startObject("");
        String party = null;
        byte[] key = null;
        Long counter = null;
        byte[] oldKeySignature = null;
        byte[] disputeKeySignature = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "party" -> party = absent ? null : in.string(f);
                case "new_public_key" -> key = absent ? null : HexFields.key(in, f);
                case "counter" -> counter = absent ? null : in.amount(f);
                case "old_key_signature" -> oldKeySignature = absent ? null : HexFields.signature(in, f);
                case "dispute_key_signature" -> disputeKeySignature = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new RotateBody(party, key, counter, oldKeySignature, disputeKeySignature);
    }

    static SpliceBody splice(JsonIn in) {
        in.startObject("");
        StateBody state = null;
        Long topUpA = null;
        Long withdrawA = null;
        Long topUpB = null;
        Long withdrawB = null;
        byte[] signatureA = null;
        byte[] signatureB = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "state" -> state = absent ? null : state(in, f);
                case "top_up_a" -> topUpA = absent ? null : in.amount(f);
                case "withdraw_a" -> withdrawA = absent ? null : in.amount(f);
                case "top_up_b" -> topUpB = absent ? null : in.amount(f);
                case "withdraw_b" -> withdrawB = absent ? null : in.amount(f);
                case "signature_a" -> signatureA = absent ? null : HexFields.signature(in, f);
                case "signature_b" -> signatureB = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new SpliceBody(state, topUpA, withdrawA, topUpB, withdrawB, signatureA, signatureB);
    }

    static RotateDisputeKeyBody rotateDisputeKey(JsonIn in) {
        in.startObject("");
        String party = null;
        byte[] key = null;
        Long counter = null;
        Long upTo = null;
        byte[] oldKeySignature = null;
        byte[] signingKeySignature = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "party" -> party = absent ? null : in.string(f);
                case "new_dispute_key" -> key = absent ? null : HexFields.key(in, f);
                case "counter" -> counter = absent ? null : in.amount(f);
                case "old_key_up_to" -> upTo = absent ? null : count(in, f);
                case "old_dispute_key_signature" -> oldKeySignature = absent ? null : HexFields.signature(in, f);
                case "signing_key_signature" -> signingKeySignature = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new RotateDisputeKeyBody(party, key, counter, upTo, oldKeySignature, signingKeySignature);
    }

    static ArbitrateBody arbitrate(JsonIn in) {
        in.startObject("");
        Long balanceA = null;
        Long balanceB = null;
        Signatures signatures = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "balance_a" -> balanceA = absent ? null : count(in, f);
                case "balance_b" -> balanceB = absent ? null : count(in, f);
                case "signatures" -> signatures = absent ? null : signatures(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new ArbitrateBody(balanceA, balanceB, signatures);
    }

    /** {@code {payer?, payee?, arbiter?}}: whichever signatures the ruling carries. */
    private static Signatures signatures(JsonIn in, String field) {
        String outer = in.enter(in.where(field));
        in.startObject(in.prefix());
        byte[] payer = null;
        byte[] payee = null;
        byte[] arbiter = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "payer" -> payer = absent ? null : HexFields.signature(in, f);
                case "payee" -> payee = absent ? null : HexFields.signature(in, f);
                case "arbiter" -> arbiter = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        in.enter(outer);
        return new Signatures(payer, payee, arbiter);
    }
}
