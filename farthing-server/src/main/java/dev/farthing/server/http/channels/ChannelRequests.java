package dev.farthing.server.http.channels;

import dev.farthing.channels.ChannelConfig;
import dev.farthing.channels.ChannelKind;
import dev.farthing.channels.OpenRequest;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.channels.ChannelBodies.ClaimBody;
import dev.farthing.server.http.channels.ChannelBodies.CloseBody;
import dev.farthing.server.http.channels.ChannelBodies.DisputeBody;
import dev.farthing.server.http.channels.ChannelBodies.FundBody;
import dev.farthing.server.http.channels.ChannelBodies.StateBody;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static dev.farthing.server.http.channels.ChannelBodies.required;

/**
 * Strict readers for the one-way and common channel bodies ({@link ChannelBodies}): unknown fields refused, every
 * field typed and bounded, JSON null read as absent.
 */
final class ChannelRequests {
    private ChannelRequests() {
    }

    static OpenRequest open(JsonIn in) {
        in.startObject("");
        byte[] id = null;
        byte[] key = null;
        byte[] keyB = null;
        byte[] disputeA = null;
        byte[] disputeB = null;
        String kind = null;
        String payer = null;
        String payee = null;
        String currency = null;
        String cancelAfter = null;
        Long amount = null;
        Long amountB = null;
        Long settleDelay = null;
        Long disputeWindow = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "id" -> id = absent ? null : HexFields.bytes(in, f, 32);
                case "kind" -> kind = absent ? null : in.string(f);
                case "payer" -> payer = absent ? null : in.string(f);
                case "payee" -> payee = absent ? null : in.string(f);
                case "amount" -> amount = absent ? null : in.amount(f);
                case "amount_b" -> amountB = absent ? null : count(in, f);
                case "currency" -> currency = absent ? null : in.string(f);
                case "public_key" -> key = absent ? null : HexFields.key(in, f);
                case "public_key_b" -> keyB = absent ? null : HexFields.key(in, f);
                case "dispute_key_a" -> disputeA = absent ? null : HexFields.key(in, f);
                case "dispute_key_b" -> disputeB = absent ? null : HexFields.key(in, f);
                case "settle_delay_s" -> settleDelay = absent ? null : delay(in, f);
                case "dispute_window_s" -> disputeWindow = absent ? null : delay(in, f);
                case "cancel_after" -> cancelAfter = absent ? null : in.string(f);
                default -> throw in.unknownField(f);
            }
        }
        ChannelKind channelKind = ChannelKind.fromWire(required(kind, "kind"));
        return new OpenRequest(required(id, "id"), channelKind, required(payer, "payer"), required(payee, "payee"),
                required(amount, "amount"), amountB == null ? 0L : amountB, required(currency, "currency"),
                required(key, "public_key"), keyB, disputeA, disputeB, settleDelay, disputeWindow, time(cancelAfter));
    }

    static FundBody fund(JsonIn in) {
        in.startObject("");
        Long amount = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "amount" -> amount = absent ? null : in.amount(f);
                default -> throw in.unknownField(f);
            }
        }
        return new FundBody(amount);
    }

    static ClaimBody claim(JsonIn in) {
        in.startObject("");
        Long amount = null;
        byte[] signature = null;
        byte[] channel = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "amount" -> amount = absent ? null : in.amount(f);
                case "signature" -> signature = absent ? null : HexFields.signature(in, f);
                case "channel" -> channel = absent ? null : HexFields.bytes(in, f, 32);
                default -> throw in.unknownField(f);
            }
        }
        return new ClaimBody(amount, signature, channel);
    }

    static CloseBody close(JsonIn in) {
        in.startObject("");
        String by = null;
        Long amount = null;
        byte[] signature = null;
        StateBody state = null;
        byte[] signatureA = null;
        byte[] signatureB = null;
        byte[] submitter = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "by" -> by = absent ? null : in.string(f);
                case "amount" -> amount = absent ? null : in.amount(f);
                case "signature" -> signature = absent ? null : HexFields.signature(in, f);
                case "state" -> state = absent ? null : state(in, f);
                case "signature_a" -> signatureA = absent ? null : HexFields.signature(in, f);
                case "signature_b" -> signatureB = absent ? null : HexFields.signature(in, f);
                case "submitter_signature" -> submitter = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new CloseBody(by, amount, signature, state, signatureA, signatureB, submitter);
    }

    static DisputeBody dispute(JsonIn in) {
        in.startObject("");
        Long stateNonce = null;
        byte[] secret = null;
        String by = null;
        StateBody state = null;
        byte[] signatureA = null;
        byte[] signatureB = null;
        byte[] submitter = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "state_nonce" -> stateNonce = absent ? null : count(in, f);
                case "revocation_secret" -> secret = absent ? null : HexFields.bytes(in, f, 32);
                case "by" -> by = absent ? null : in.string(f);
                case "state" -> state = absent ? null : state(in, f);
                case "signature_a" -> signatureA = absent ? null : HexFields.signature(in, f);
                case "signature_b" -> signatureB = absent ? null : HexFields.signature(in, f);
                case "submitter_signature" -> submitter = absent ? null : HexFields.signature(in, f);
                default -> throw in.unknownField(f);
            }
        }
        return new DisputeBody(stateNonce, secret, by, state, signatureA, signatureB, submitter);
    }

    /** {@code {nonce, balance_a, balance_b, revocation_hash_a, revocation_hash_b}} for the path's channel. */
    static StateBody state(JsonIn in, String field) {
        String outer = in.enter(in.where(field));
        in.startObject(in.prefix());
        Long nonce = null;
        Long balanceA = null;
        Long balanceB = null;
        byte[] hashA = null;
        byte[] hashB = null;
        String f;
        while ((f = in.nextField()) != null) {
            boolean absent = in.isNull();
            switch (f) {
                case "nonce" -> nonce = absent ? null : count(in, f);
                case "balance_a" -> balanceA = absent ? null : count(in, f);
                case "balance_b" -> balanceB = absent ? null : count(in, f);
                case "revocation_hash_a" -> hashA = absent ? null : HexFields.bytes(in, f, 32);
                case "revocation_hash_b" -> hashB = absent ? null : HexFields.bytes(in, f, 32);
                default -> throw in.unknownField(f);
            }
        }
        in.enter(outer);
        return new StateBody(nonce, balanceA, balanceB, hashA, hashB);
    }

    /** RFC 3339 UTC time as ledger nanoseconds; null is 0 (none). */
    static long time(String rfc3339) {
        if (rfc3339 == null) {
            return 0;
        }
        try {
            Instant t = Instant.parse(rfc3339);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.invalid("cancel_after must be an RFC 3339 UTC time such as 2030-01-02T03:04:05Z");
        }
    }

    static long count(JsonIn in, String field) {
        return in.nonNegative(field, Long.MAX_VALUE);
    }

    private static long delay(JsonIn in, String field) {
        return in.nonNegative(field, ChannelConfig.MAX_DELAY_S);
    }
}
