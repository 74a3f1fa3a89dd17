package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.Arbitration;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.DisputeRotation;
import dev.farthing.channel.protocol.Rotation;
import dev.farthing.channel.protocol.Splice;
import dev.farthing.channels.Channel;
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
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.List;
import java.util.Map;

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

    public ChannelRoutes(ChannelService service) {
        this.service = service;
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
        boolean existed = service.get(r.id()).isPresent();
        Replies.json(ctx, existed ? 200 : 201, ChannelJson.channel(service.open(r)));
    }

    private void get(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Channel c = service.get(id).orElseThrow(() -> new ApiException(404, "channel_not_found", "no such channel"));
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void fund(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("amount", ChannelRequests.AMOUNT));
        Replies.json(ctx, 200, ChannelJson.channel(service.fund(id, ChannelRequests.require(m, "amount", Long.class))));
    }

    private void claim(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("amount", ChannelRequests.AMOUNT, "signature", ChannelRequests.SIG,
                "channel", ChannelRequests.HEX32));
        ClaimReceipt r = service.claim(id, ChannelRequests.require(m, "amount", Long.class),
                ChannelRequests.require(m, "signature", byte[].class), (byte[]) m.get("channel"));
        Replies.json(ctx, 200, ChannelJson.claim(r.channel(), r.redeemed()));
    }

    private void close(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("by", ChannelRequests.STRING, "amount", ChannelRequests.AMOUNT,
                "signature", ChannelRequests.SIG, "state", ChannelRequests.STATE, "signature_a", ChannelRequests.SIG,
                "signature_b", ChannelRequests.SIG, "submitter_signature", ChannelRequests.SIG));
        String by = ChannelRequests.require(m, "by", String.class);
        Channel c = switch (by) {
            case "payee" -> service.closeByPayee(id, (Long) m.get("amount"), (byte[]) m.get("signature"));
            case "payer" -> service.closeByPayer(id, ChannelRequests.require(m, "signature", byte[].class));
            case "cooperative" -> service.closeCooperative(id, ChannelRequests.toState(id, m.get("state")),
                    ChannelRequests.require(m, "signature_a", byte[].class),
                    ChannelRequests.require(m, "signature_b", byte[].class));
            case "a", "b" -> service.closeUnilateral(id, Party.fromWire(by), ChannelRequests.signedState(id, m),
                    ChannelRequests.require(m, "submitter_signature", byte[].class));
            default -> throw ApiException.invalid("by must be payee, payer, cooperative, a or b");
        };
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void dispute(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("state_nonce", ChannelRequests.COUNT, "revocation_secret",
                ChannelRequests.HEX32, "by", ChannelRequests.STRING, "state", ChannelRequests.STATE,
                "signature_a", ChannelRequests.SIG, "signature_b", ChannelRequests.SIG,
                "submitter_signature", ChannelRequests.SIG));
        String submitter = Auth.principal(ctx) == null ? "anonymous" : Auth.principal(ctx).keyId();
        Channel c;
        if (m.containsKey("revocation_secret")) {
            c = service.disputeWithSecret(id, ChannelRequests.require(m, "state_nonce", Long.class),
                    (byte[]) m.get("revocation_secret"), submitter);
        } else {
            c = service.disputeWithState(id, ChannelRequests.party(m, "by"), ChannelRequests.signedState(id, m),
                    ChannelRequests.require(m, "submitter_signature", byte[].class), submitter);
        }
        Replies.json(ctx, 200, ChannelJson.channel(c));
    }

    private void rotate(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("party", ChannelRequests.STRING, "new_public_key", ChannelRequests.KEY,
                "counter", ChannelRequests.AMOUNT, "old_key_signature", ChannelRequests.SIG,
                "dispute_key_signature", ChannelRequests.SIG));
        Rotation r = new Rotation(id, ChannelRequests.party(m, "party"), ChannelRequests.require(m, "counter", Long.class),
                ChannelRequests.require(m, "new_public_key", byte[].class));
        Replies.json(ctx, 200, ChannelJson.channel(service.rotate(id, r,
                ChannelRequests.require(m, "old_key_signature", byte[].class),
                ChannelRequests.require(m, "dispute_key_signature", byte[].class))));
    }

    private void splice(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("state", ChannelRequests.STATE, "top_up_a", ChannelRequests.AMOUNT,
                "withdraw_a", ChannelRequests.AMOUNT, "top_up_b", ChannelRequests.AMOUNT, "withdraw_b", ChannelRequests.AMOUNT,
                "signature_a", ChannelRequests.SIG, "signature_b", ChannelRequests.SIG));
        Splice splice = new Splice(ChannelRequests.toState(id, m.get("state")),
                change(m, "a"), change(m, "b"));
        Replies.json(ctx, 200, ChannelJson.channel(service.splice(id, splice,
                ChannelRequests.require(m, "signature_a", byte[].class), ChannelRequests.require(m, "signature_b", byte[].class))));
    }

    /** A party's change: its top-up, or minus its withdrawal (never both). */
    private static long change(Map<String, Object> m, String party) {
        Long up = (Long) m.get("top_up_" + party);
        Long down = (Long) m.get("withdraw_" + party);
        if (up != null && down != null) {
            throw ApiException.invalid("a party either tops up or withdraws: give top_up_" + party + " or withdraw_" + party);
        }
        return up != null ? up : down != null ? -down : 0;
    }

    private void rotateDisputeKey(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        Map<String, Object> m = body(ctx, Map.of("party", ChannelRequests.STRING, "new_dispute_key", ChannelRequests.KEY,
                "counter", ChannelRequests.AMOUNT, "old_key_up_to", ChannelRequests.COUNT,
                "old_dispute_key_signature", ChannelRequests.SIG, "signing_key_signature", ChannelRequests.SIG));
        DisputeRotation r = new DisputeRotation(id, ChannelRequests.party(m, "party"), ChannelRequests.require(m, "counter", Long.class),
                ChannelRequests.require(m, "new_dispute_key", byte[].class), ChannelRequests.require(m, "old_key_up_to", Long.class));
        Replies.json(ctx, 200, ChannelJson.channel(service.rotateDisputeKey(id, r,
                ChannelRequests.require(m, "old_dispute_key_signature", byte[].class),
                ChannelRequests.require(m, "signing_key_signature", byte[].class))));
    }

    @SuppressWarnings("unchecked")
    private void arbitrate(Context ctx) {
        byte[] id = HexFields.channelId(ctx.pathParam("id"));
        ChannelRequests.FieldReader sigs = (in, f) -> {
            String outer = in.enter(in.where(f));
            Map<String, Object> s = ChannelRequests.fields(in, in.prefix(), Map.of("payer", ChannelRequests.SIG,
                    "payee", ChannelRequests.SIG, "arbiter", ChannelRequests.SIG));
            in.enter(outer);
            return s;
        };
        Map<String, Object> m = body(ctx, Map.of("balance_a", ChannelRequests.COUNT, "balance_b", ChannelRequests.COUNT,
                "signatures", sigs));
        Map<String, Object> s = ChannelRequests.require(m, "signatures", Map.class);
        byte[][] signatures = {(byte[]) s.get("payer"), (byte[]) s.get("payee"), (byte[]) s.get("arbiter")};
        Arbitration ruling = new Arbitration(id, ChannelRequests.require(m, "balance_a", Long.class),
                ChannelRequests.require(m, "balance_b", Long.class));
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

    private static Map<String, Object> body(Context ctx, Map<String, ChannelRequests.FieldReader> allowed) {
        return JsonIn.read(Body.read(ctx, MAX_BODY), in -> ChannelRequests.fields(in, "", allowed));
    }
}
