package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.DisputeRotation;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.Rotation;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.channels.Channel;
import dev.farthing.channels.ChannelError;
import dev.farthing.channels.ChannelException;
import dev.farthing.channels.ChannelService;
import dev.farthing.channels.ClaimReceipt;
import dev.farthing.channels.OpenRequest;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.channels.ChannelBodies.ArbitrateBody;
import dev.farthing.server.http.channels.ChannelBodies.ClaimBody;
import dev.farthing.server.http.channels.ChannelBodies.CloseBody;
import dev.farthing.server.http.channels.ChannelBodies.DisputeBody;
import dev.farthing.server.http.channels.ChannelBodies.FundBody;
import dev.farthing.server.http.channels.ChannelBodies.RotateBody;
import dev.farthing.server.http.channels.ChannelBodies.RotateDisputeKeyBody;
import dev.farthing.server.http.channels.ChannelBodies.Signatures;
import dev.farthing.server.http.channels.ChannelBodies.SpliceBody;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import java.util.function.Function;

import static dev.farthing.server.http.channels.ChannelBodies.required;

/**
 * {@code /v1/channels}. Ids, keys, hashes and signatures are hex (either case); keys raw (32 bytes) or XRPL
 * ({@code ED} + 32 bytes); amounts are integers of minor units; times RFC 3339 UTC. Errors are problem+json
 * with stable codes (openapi.json lists them). Money-moving calls need role operator; reads and the event
 * stream auditor.
 * <ul>
 * <li>{@code POST /v1/channels} {@code {id, kind: one_way|two_way, payer, payee, amount, currency, public_key,
 *   settle_delay_s?, cancel_after?}}; two-way adds {@code amount_b?, public_key_b, dispute_key_a, dispute_key_b,
 *   dispute_window_s?} (payer = party A, payee = party B). 201 Channel (200 when repeated).</li>
 * <li>{@code POST /{id}/fund} {@code {amount}} (one-way) → Channel.</li>
 * <li>{@code POST /{id}/claims} {@code {amount, signature, channel?}}: signature over XRPL {@code "CLM\0" ‖ id ‖ amount}
 *   → {@code {redeemed, channel}}.</li>
 * <li>{@code POST /{id}/close}: one-way {@code {by: "payee", amount?, signature?}} or {@code {by: "payer",
 *   signature}} (over {@code "FPC\0" ‖ id}); two-way {@code {by: "cooperative", state, signature_a, signature_b}}
 *   (over {@code "FCC\0" ‖ state bytes}) or {@code {by: "a"|"b", state, signature_a, signature_b,
 *   submitter_signature}} (state signatures over the state bytes, submitter's dispute key over
 *   {@code "FCS\0" ‖ party ‖ state bytes}); the latter opens the dispute window.</li>
 * <li>{@code POST /{id}/dispute}: {@code {state_nonce, revocation_secret}} (penalty) or {@code {by, state,
 *   signature_a, signature_b, submitter_signature}} (higher nonce replaces).</li>
 * <li>{@code POST /{id}/rotate} {@code {party, new_public_key, counter, old_key_signature, dispute_key_signature}}.</li>
 * <li>{@code POST /{id}/splice} {@code {state, top_up_a?, withdraw_a?, top_up_b?, withdraw_b?, signature_a,
 *   signature_b}}: both signing keys over {@code "FSP\0" ‖ state bytes ‖ change A ‖ change B} (two-way; a
 *   party either tops up or withdraws) → Channel.</li>
 * <li>{@code POST /{id}/rotate_dispute_key} {@code {party, new_dispute_key, counter, old_key_up_to,
 *   old_dispute_key_signature, signing_key_signature}} over {@code "FRD\0" ‖ id ‖ party ‖ counter ‖ key ‖ up to}.</li>
 * <li>{@code POST /{id}/arbitrate} {@code {balance_a, balance_b, signatures: {payer?, payee?, arbiter?}}}.</li>
 * <li>{@code GET /{id}} → Channel; {@code GET /v1/channels/events?after=SEQ&wait_ms=N&limit=L} →
 *   {@code {events: [{seq, type, channel_id, commitment?, nonce?, window_ends_at?, at}], next, ledger_time}}
 *   ({@code at} and {@code ledger_time} are ledger time: a watchtower judges dispute windows by them).</li>
 * </ul>
 * A state is {@code {nonce, balance_a, balance_b, revocation_hash_a, revocation_hash_b}}; the channel id is the path's.
 */
public final class ChannelRoutes {
    static final long MAX_WAIT_MS = 30_000;
    static final int MAX_EVENTS = 1_000;
    private static final int MAX_BODY = 16 << 10;
    private final ChannelService service;
    private volatile PartyCheck parties = (account, party) -> java.util.Optional.empty();
    private volatile dev.farthing.server.http.Metrics metrics;

    /** Refuses a channel whose payer or payee may not move money (a confirmed sanctions hit); empty: allowed. */
    @FunctionalInterface
    public interface PartyCheck {
        java.util.Optional<dev.farthing.server.http.PaymentGate.Refusal> refusal(String account, String party);
    }

    public ChannelRoutes(ChannelService service) {
        this.service = service;
    }

    /** Channel counterparties are screened: opening or funding a channel with a refused party is refused. */
    public void screenParties(PartyCheck check, dev.farthing.server.http.Metrics metrics) {
        this.metrics = metrics;
        this.parties = check;
    }

    /** True (and the refusal written) when one of the parties is refused. */
    private boolean refused(Context ctx, String payer, String payee) {
        var r = parties.refusal(payer, "payer").or(() -> payee == null ? java.util.Optional.empty() : parties.refusal(payee, "payee"));
        r.ifPresent(refusal -> refusal.write(ctx, metrics));
        return r.isPresent();
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/v1/channels", Role.OPERATOR, guarded(this::open)),
                Route.get("/v1/channels/events", Role.AUDITOR, guarded(this::events)),
                Route.get("/v1/channels/{id}", Role.AUDITOR, guarded(this::get)),
                Route.post("/v1/channels/{id}/fund", Role.OPERATOR, guarded(this::fund)),
                Route.post("/v1/channels/{id}/claims", Role.OPERATOR, guarded(this::claim)),
                Route.post("/v1/channels/{id}/close", Role.OPERATOR, guarded(this::close)),
                Route.post("/v1/channels/{id}/dispute", Role.OPERATOR, guarded(this::dispute)),
                Route.post("/v1/channels/{id}/rotate", Role.OPERATOR, guarded(this::rotate)),
                Route.post("/v1/channels/{id}/splice", Role.OPERATOR, guarded(this::splice)),
                Route.post("/v1/channels/{id}/rotate_dispute_key", Role.OPERATOR, guarded(this::rotateDisputeKey)),
                Route.post("/v1/channels/{id}/arbitrate", Role.OPERATOR, guarded(this::arbitrate)));
    }

    private static Handler guarded(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (ChannelException e) {
                throw ChannelProblems.of(e);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid(e.getMessage());
            }
        };
    }

    private void open(Context ctx) {
        OpenRequest r = JsonIn.read(Body.read(ctx, MAX_BODY), ChannelRequests::open);
        if (refused(ctx, r.payer(), r.payee())) return;
        boolean existed = service.get(r.id()).isPresent();
        Replies.json(ctx, existed ? 200 : 201, ChannelJson.channel(service.open(r)));
    }

    private void get(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Channel c = service.get(id).orElseThrow(
                () -> ChannelProblems.of(new ChannelException(ChannelError.CHANNEL_NOT_FOUND, "no such channel")));
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void fund(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        FundBody b = body(ctx, ChannelRequests::fund);
        var terms = service.get(id).map(Channel::terms);
        if (terms.isPresent() && refused(ctx, terms.get().accountA(), terms.get().accountB())) return;
        Replies.json(ctx, 200, ChannelJson.channel(service.fund(id, required(b.amount(), "amount"))));
    }

    private void claim(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        ClaimBody b = body(ctx, ChannelRequests::claim);
        ClaimReceipt r = service.claim(id, required(b.amount(), "amount"), required(b.signature(), "signature"),
                b.channel());
        Replies.json(ctx, 200, ChannelJson.claim(r.channel(), r.redeemed()));
    }

    private void close(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        CloseBody b = body(ctx, ChannelRequests::close);
        String by = required(b.by(), "by");
        Channel c = switch (by) {
            case "payee" -> service.closeByPayee(id, b.amount(), b.signature());
            case "payer" -> service.closeByPayer(id, required(b.signature(), "signature"));
            case "cooperative" -> service.closeCooperative(id, ChannelBodies.toState(id, b.state()),
                    required(b.signatureA(), "signature_a"), required(b.signatureB(), "signature_b"));
            case "a", "b" -> service.closeUnilateral(id, Party.fromWire(by),
                    ChannelBodies.signedState(id, b.state(), b.signatureA(), b.signatureB()),
                    required(b.submitterSignature(), "submitter_signature"));
            default -> throw ApiException.invalid("by must be payee, payer, cooperative, a or b");
        };
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void dispute(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        DisputeBody b = body(ctx, ChannelRequests::dispute);
        String submitter = Auth.principal(ctx) == null ? "anonymous" : Auth.principal(ctx).keyId();
        Channel c;
        if (b.revocationSecret() != null) {
            c = service.disputeWithSecret(id, required(b.stateNonce(), "state_nonce"), b.revocationSecret(), submitter);
        } else {
            c = service.disputeWithState(id, ChannelBodies.party(b.by(), "by"),
                    ChannelBodies.signedState(id, b.state(), b.signatureA(), b.signatureB()),
                    required(b.submitterSignature(), "submitter_signature"), submitter);
        }
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void rotate(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        RotateBody b = body(ctx, TwoWayRequests::rotate);
        Rotation r = new Rotation(id, ChannelBodies.party(b.party(), "party"), required(b.counter(), "counter"),
                required(b.newPublicKey(), "new_public_key"));
        Replies.json(ctx, 200, ChannelJson.channel(service.rotate(id, r, required(b.oldKeySignature(), "old_key_signature"),
                required(b.disputeKeySignature(), "dispute_key_signature"))));
    }

    private void splice(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        SpliceBody b = body(ctx, TwoWayRequests::splice);
        Splice splice = new Splice(ChannelBodies.toState(id, b.state()), change(b.topUpA(), b.withdrawA(), "a"),
                change(b.topUpB(), b.withdrawB(), "b"));
        Replies.json(ctx, 200, ChannelJson.channel(service.splice(id, splice, required(b.signatureA(), "signature_a"),
                required(b.signatureB(), "signature_b"))));
    }

    /** A party's change: its top-up, or minus its withdrawal (never both). */
    private static long change(Long up, Long down, String party) {
        if (up != null && down != null) {
            throw ApiException.invalid("a party either tops up or withdraws: give top_up_" + party + " or withdraw_" + party);
        }
        return up != null ? up : down != null ? -down : 0;
    }

    private void rotateDisputeKey(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        RotateDisputeKeyBody b = body(ctx, TwoWayRequests::rotateDisputeKey);
        DisputeRotation r = new DisputeRotation(id, ChannelBodies.party(b.party(), "party"),
                required(b.counter(), "counter"), required(b.newDisputeKey(), "new_dispute_key"),
                required(b.oldKeyUpTo(), "old_key_up_to"));
        Replies.json(ctx, 200, ChannelJson.channel(service.rotateDisputeKey(id, r,
                required(b.oldDisputeKeySignature(), "old_dispute_key_signature"),
                required(b.signingKeySignature(), "signing_key_signature"))));
    }

    private void arbitrate(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        ArbitrateBody b = body(ctx, TwoWayRequests::arbitrate);
        Signatures s = required(b.signatures(), "signatures");
        byte[][] signatures = {s.payer(), s.payee(), s.arbiter()};
        Arbitration ruling = new Arbitration(id, required(b.balanceA(), "balance_a"), required(b.balanceB(), "balance_b"));
        Replies.json(ctx, 200, ChannelJson.channel(service.arbitrate(id, ruling, signatures)));
    }

    private void events(Context ctx) throws InterruptedException {
        long after = query(ctx, "after", 0, Long.MAX_VALUE);
        long waitMs = query(ctx, "wait_ms", 0, MAX_WAIT_MS);
        int limit = (int) query(ctx, "limit", MAX_EVENTS, MAX_EVENTS);
        List<dev.farthing.channels.ChannelEvent> page = service.events(after, Math.max(1, limit), waitMs);
        Replies.json(ctx, 200, ChannelJson.events(page, after, service.ledgerTime()));
    }

    private static long query(Context ctx, String name, long dflt, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        if (raw.length() > 19 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.invalid(name + " must be an integer 0.." + max);
        }
        long v = Long.parseLong(raw);
        if (v > max) {
            throw ApiException.invalid(name + " must be at most " + max);
        }
        return v;
    }

    private static <T> T body(Context ctx, Function<JsonIn, T> reader) {
        return JsonIn.read(Body.read(ctx, MAX_BODY), reader);
    }
}
