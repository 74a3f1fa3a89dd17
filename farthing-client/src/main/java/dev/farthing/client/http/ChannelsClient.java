package dev.farthing.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.channel.protocol.DisputeRotation;
import dev.farthing.keys.Hex;

/**
 * The channel endpoints ({@code /v1/channels}, shapes as in the server's openapi.json). Signatures are made by
 * the wallet-side classes; this class only carries them. Every refusal is a {@link FarthingApiException}.
 */
public final class ChannelsClient {
    private final FarthingHttp http;

    public ChannelsClient(FarthingHttp http) {
        this.http = http;
    }

    /** Terms of a new channel; {@code b*} fields only for two-way channels (null for one-way). */
    public record OpenRequest(byte[] id, String kind, String payer, String payee, long amount, long amountB,
                              String currency, byte[] publicKey, byte[] publicKeyB, byte[] disputeKeyA,
                              byte[] disputeKeyB, Long settleDelayS, Long disputeWindowS, String cancelAfter) {

        public static OpenRequest oneWay(byte[] id, String payer, String payee, long amount, String currency,
                byte[] payerKey, long settleDelayS) {
            return new OpenRequest(id, "one_way", payer, payee, amount, 0, currency, payerKey, null, null, null,
                    settleDelayS, null, null);
        }

        public static OpenRequest twoWay(byte[] id, String payer, String payee, long amountA, long amountB,
                String currency, byte[] signingA, byte[] signingB, byte[] disputeA, byte[] disputeB, long windowS) {
            return new OpenRequest(id, "two_way", payer, payee, amountA, amountB, currency, signingA, signingB,
                    disputeA, disputeB, null, windowS, null);
        }
    }

    /** The result of redeeming a claim: the amount newly paid and the channel after it. */
    public record Redemption(long redeemed, ChannelView channel) {
    }

    public ChannelView open(OpenRequest r) {
        ObjectNode b = FarthingHttp.object().put("id", Hex.encode(r.id())).put("kind", r.kind()).put("payer", r.payer())
                .put("payee", r.payee()).put("amount", r.amount()).put("currency", r.currency())
                .put("public_key", Hex.encode(r.publicKey()));
        if (r.publicKeyB() != null) {
            b.put("amount_b", r.amountB()).put("public_key_b", Hex.encode(r.publicKeyB()))
                    .put("dispute_key_a", Hex.encode(r.disputeKeyA())).put("dispute_key_b", Hex.encode(r.disputeKeyB()));
        }
        putIfSet(b, "settle_delay_s", r.settleDelayS());
        putIfSet(b, "dispute_window_s", r.disputeWindowS());
        if (r.cancelAfter() != null) {
            b.put("cancel_after", r.cancelAfter());
        }
        return ChannelView.of(http.post("/v1/channels", b));
    }

    public ChannelView get(byte[] id) {
        return ChannelView.of(http.get("/v1/channels/" + Hex.encode(id)));
    }

    public ChannelView fund(byte[] id, long amount) {
        return ChannelView.of(http.post(path(id, "fund"), FarthingHttp.object().put("amount", amount)));
    }

    /** Merchant: redeems a cumulative claim signed by the payer over the XRPL claim bytes. */
    public Redemption redeem(byte[] id, long amount, byte[] signature) {
        JsonNode j = http.post(path(id, "claims"), FarthingHttp.object().put("amount", amount)
                .put("signature", Hex.encode(signature)));
        return new Redemption(j.path("redeemed").asLong(), ChannelView.of(j.path("channel")));
    }

    /** Merchant: closes at once, optionally redeeming a final claim. */
    public ChannelView closeByPayee(byte[] id, Long amount, byte[] signature) {
        ObjectNode b = FarthingHttp.object().put("by", "payee");
        if (amount != null) {
            b.put("amount", amount).put("signature", Hex.encode(signature));
        }
        return ChannelView.of(http.post(path(id, "close"), b));
    }

    /** Wallet: starts the settle delay; {@code signature} over {@code PayerClose.bytes(id)}. */
    public ChannelView closeByPayer(byte[] id, byte[] signature) {
        return ChannelView.of(http.post(path(id, "close"),
                FarthingHttp.object().put("by", "payer").put("signature", Hex.encode(signature))));
    }

    /** Two-way: settles at once at a state both parties signed as a cooperative close. */
    public ChannelView closeCooperative(byte[] id, ChannelState state, byte[] sigA, byte[] sigB) {
        ObjectNode b = FarthingHttp.object().put("by", "cooperative").put("signature_a", Hex.encode(sigA))
                .put("signature_b", Hex.encode(sigB));
        b.set("state", state(state));
        return ChannelView.of(http.post(path(id, "close"), b));
    }

    /** Two-way: {@code party} broadcasts its latest state; the dispute window opens. */
    public ChannelView closeUnilateral(byte[] id, Party party, SignedState state, byte[] submitterSignature) {
        return ChannelView.of(http.post(path(id, "close"), signedState(party, state, submitterSignature)));
    }

    /** Two-way dispute: the submitted state was revoked; the secret proves it and the penalty follows. */
    public ChannelView disputeWithSecret(byte[] id, long stateNonce, byte[] revocationSecret) {
        return ChannelView.of(http.post(path(id, "dispute"), FarthingHttp.object().put("state_nonce", stateNonce)
                .put("revocation_secret", Hex.encode(revocationSecret))));
    }

    /** Two-way dispute: a higher-nonce state replaces the submitted one. */
    public ChannelView disputeWithState(byte[] id, Party party, SignedState state, byte[] submitterSignature) {
        return ChannelView.of(http.post(path(id, "dispute"), signedState(party, state, submitterSignature)));
    }

    /**
     * Replaces {@code party}'s signing key; both signatures over {@code Rotation.bytes()}, by the old signing key
     * and by the dispute key ({@code counter} is the party's rotation count after this one).
     */
    public ChannelView rotate(byte[] id, Party party, long counter, byte[] newSigningKey, byte[] oldKeySignature,
            byte[] disputeKeySignature) {
        return ChannelView.of(http.post(path(id, "rotate"), FarthingHttp.object().put("party", party.wire())
                .put("counter", counter).put("new_public_key", Hex.encode(newSigningKey))
                .put("old_key_signature", Hex.encode(oldKeySignature))
                .put("dispute_key_signature", Hex.encode(disputeKeySignature))));
    }

    /** {@code POST /{id}/splice}: a spliced state signed by both (see {@code TwoWayChannel.proposeSplice}). */
    public ChannelView splice(byte[] id, Splice splice, byte[] sigA, byte[] sigB) {
        ObjectNode b = FarthingHttp.object().put("signature_a", Hex.encode(sigA)).put("signature_b", Hex.encode(sigB));
        b.set("state", state(splice.state()));
        putChange(b, "a", splice.changeA());
        putChange(b, "b", splice.changeB());
        return ChannelView.of(http.post(path(id, "splice"), b));
    }

    /** {@code POST /{id}/rotate_dispute_key}: signed by the party's current dispute key and signing key. */
    public ChannelView rotateDisputeKey(byte[] id, DisputeRotation r, byte[] oldDisputeKeySignature, byte[] signingKeySignature) {
        return ChannelView.of(http.post(path(id, "rotate_dispute_key"), FarthingHttp.object().put("party", r.party().wire())
                .put("counter", r.counter()).put("new_dispute_key", Hex.encode(r.newDisputeKey()))
                .put("old_key_up_to", r.oldKeyUpTo())
                .put("old_dispute_key_signature", Hex.encode(oldDisputeKeySignature))
                .put("signing_key_signature", Hex.encode(signingKeySignature))));
    }

    private static void putChange(ObjectNode b, String party, long change) {
        if (change > 0) {
            b.put("top_up_" + party, change);
        } else if (change < 0) {
            b.put("withdraw_" + party, -change);
        }
    }

    private static ObjectNode signedState(Party party, SignedState s, byte[] submitterSignature) {
        ObjectNode b = FarthingHttp.object().put("by", party.wire()).put("signature_a", Hex.encode(s.signatureA()))
                .put("signature_b", Hex.encode(s.signatureB())).put("submitter_signature", Hex.encode(submitterSignature));
        b.set("state", state(s.state()));
        return b;
    }

    private static ObjectNode state(ChannelState s) {
        return FarthingHttp.object().put("nonce", s.nonce()).put("balance_a", s.balanceA()).put("balance_b", s.balanceB())
                .put("revocation_hash_a", Hex.encode(s.revocationHashA()))
                .put("revocation_hash_b", Hex.encode(s.revocationHashB()));
    }

    private static void putIfSet(ObjectNode b, String field, Long value) {
        if (value != null) {
            b.put(field, value);
        }
    }

    private static String path(byte[] id, String action) {
        return "/v1/channels/" + Hex.encode(id) + "/" + action;
    }
}
