package dev.farthing.server.http.disputes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.NewEvidence;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Wire;
import dev.farthing.disputes.service.ReviewerDecision;
import dev.farthing.server.http.ApiException;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict readers of the dispute bodies: unknown fields, wrong types, amounts that are not JSON integers, ids that
 * are not strings are a 400 ({@code invalid_dispute}, or {@code invalid_request} for a delivery) naming the field.
 */
final class DisputeBodies {
    static final String INVALID = "invalid_dispute";
    private final String code;
    private final JsonNode root;

    private DisputeBodies(JsonNode root, String code, Set<String> allowed) {
        this.code = code;
        this.root = root;
        if (root == null || !root.isObject()) throw new ApiException(400, code, "the request body must be a JSON object");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw bad(f, "is not a field of this request (fields: " + new java.util.TreeSet<>(allowed) + ")");
        }
    }

    ApiException bad(String field, String problem) {
        return new ApiException(400, code, field + " " + problem);
    }

    private JsonNode value(String f) {
        JsonNode v = root.get(f);
        return v == null || v.isNull() ? null : v;
    }

    String string(String f, boolean required) {
        JsonNode v = value(f);
        if (v == null) {
            if (required) throw bad(f, "is required");
            return null;
        }
        if (!v.isTextual()) throw bad(f, "must be a string");
        return v.textValue();
    }

    Long amount(String f) {
        JsonNode v = value(f);
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
            throw bad(f, "must be a positive JSON integer of minor units (not a string, fraction or exponent)");
        }
        return v.longValue();
    }

    <E extends Enum<E>> E enumValue(String f, Class<E> type, boolean required) {
        String s = string(f, required);
        if (s == null) return null;
        E e = Wire.parse(type, s);
        if (e == null) {
            throw bad(f, "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Wire::of).toList());
        }
        return e;
    }

    List<NewEvidence> evidence(String f, Party defaultParty) {
        JsonNode v = value(f);
        if (v == null) return List.of();
        if (!v.isArray()) throw bad(f, "must be an array of evidence objects");
        if (v.size() > NewDispute.MAX_EVIDENCE) throw bad(f, "holds at most " + NewDispute.MAX_EVIDENCE + " items");
        List<NewEvidence> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            DisputeBodies item = new DisputeBodies(v.get(i), code, Set.of("party", "kind", "description", "ref"));
            Party party = item.enumValue("party", Party.class, defaultParty == null);
            out.add(new NewEvidence(party == null ? defaultParty : party, item.string("kind", true),
                    item.string("description", false), item.string("ref", false)));
        }
        return out;
    }

    static NewDispute newDispute(JsonNode body) {
        DisputeBodies b = new DisputeBodies(body, INVALID, Set.of("id", "payment_id", "channel_id", "claimant",
                "reason", "amount", "narrative", "evidence"));
        return new NewDispute(b.string("id", true), b.string("payment_id", false), b.string("channel_id", false),
                b.string("claimant", true), b.enumValue("reason", Reason.class, true), b.amount("amount"),
                b.string("narrative", false), b.evidence("evidence", Party.CLAIMANT));
    }

    static List<NewEvidence> evidenceOnly(JsonNode body) {
        DisputeBodies b = new DisputeBodies(body, INVALID, Set.of("evidence"));
        List<NewEvidence> items = b.evidence("evidence", null);
        if (items.isEmpty()) throw b.bad("evidence", "is required: 1.." + NewDispute.MAX_EVIDENCE + " items");
        return items;
    }

    record AppealBody(Party by, String narrative, List<NewEvidence> evidence) {
    }

    static AppealBody appeal(JsonNode body) {
        DisputeBodies b = new DisputeBodies(body, INVALID, Set.of("by", "narrative", "evidence"));
        Party by = b.enumValue("by", Party.class, true);
        return new AppealBody(by, b.string("narrative", false), b.evidence("evidence", by));
    }

    static ReviewerDecision decision(JsonNode body) {
        DisputeBodies b = new DisputeBodies(body, INVALID, Set.of("outcome", "refund", "escalate", "note"));
        JsonNode esc = b.value("escalate");
        if (esc != null && !esc.isBoolean()) throw b.bad("escalate", "must be true or false");
        boolean escalate = esc != null && esc.booleanValue();
        return new ReviewerDecision(b.enumValue("outcome", DisputeOutcome.class, false), b.amount("refund"), escalate,
                b.string("note", false));
    }

    record DeliveryBody(String paymentId, String contentId, long deliveredAt, Double progress) {
    }

    static DeliveryBody delivery(JsonNode body) {
        DisputeBodies b = new DisputeBodies(body, "invalid_request", Set.of("payment_id", "content_id", "delivered_at", "progress"));
        String payment = b.string("payment_id", true);
        String content = b.string("content_id", true);
        if (payment.isEmpty() || payment.length() > 64 || content.isEmpty() || content.length() > 256) {
            throw b.bad(payment.isEmpty() || payment.length() > 64 ? "payment_id" : "content_id", "has the wrong length");
        }
        long at;
        try {
            OffsetDateTime t = OffsetDateTime.parse(b.string("delivered_at", true));
            at = Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw b.bad("delivered_at", "must be an RFC 3339 time, e.g. 2026-12-01T10:15:00Z");
        }
        JsonNode p = b.value("progress");
        Double progress = null;
        if (p != null) {
            if (!p.isNumber() || p.doubleValue() < 0 || p.doubleValue() > 1) throw b.bad("progress", "must be a number 0..1");
            progress = p.doubleValue();
        }
        return new DeliveryBody(payment, content, at, progress);
    }
}
