package dev.farthing.server.http.risk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.policy.Contribution;
import dev.farthing.risk.review.ReviewItem;
import dev.farthing.risk.review.TrainingLabel;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.util.List;

/** JSON forms of payments, reviews and labels. Scores that are unknown (no model) are written as null. */
final class RiskJson {
    private RiskJson() {
    }

    static byte[] payment(PaymentResult r) {
        return Json.bytes(512, g -> writePayment(g, r, null));
    }

    /** The reply to {@code POST /v1/payments}: the payment and the optional signals of its body left out. */
    static byte[] payment(PaymentResult r, List<InputWarning> warnings) {
        return Json.bytes(512, g -> writePayment(g, r, warnings));
    }

    /** As above, with {@code extra} members (the step-up challenge) before the object closes. */
    static byte[] payment(PaymentResult r, List<InputWarning> warnings, Json.Writer extra) {
        return Json.bytes(512, g -> writePayment(g, r, warnings, false, extra));
    }

    static void writePayment(JsonGenerator g, PaymentResult r) throws IOException {
        writePayment(g, r, null);
    }

    /** {@code GET /v1/payments/{id}}: the payment with the key that submitted it ({@code submitted_by}), and extras. */
    static byte[] lookedUp(PaymentResult r, Json.Writer extra) {
        return Json.bytes(512, g -> writePayment(g, r, null, true, extra));
    }

    /** One payment as {@code GET /v1/payments/{id}} answers it (a listing's item), with {@code submitted_by}. */
    static void writeLookedUp(JsonGenerator g, PaymentResult r) throws IOException {
        writePayment(g, r, null, true, null);
    }

    private static void writePayment(JsonGenerator g, PaymentResult r, List<InputWarning> warnings) throws IOException {
        writePayment(g, r, warnings, false, null);
    }

    private static void writePayment(JsonGenerator g, PaymentResult r, List<InputWarning> warnings, boolean submitter,
                                     Json.Writer extra) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("decision", r.decision().wire());
        g.writeStringField("status", r.status().wire());
        g.writeObjectFieldStart("risk");
        number(g, "score", r.score());
        g.writeStringField("model_version", r.modelVersion());
        g.writeStringField("policy_version", r.policyVersion());
        g.writeArrayFieldStart("reasons");
        for (DecisionReason reason : r.reasons()) {
            g.writeStartObject();
            g.writeStringField("code", reason.code());
            g.writeStringField("detail", reason.detail());
            if (!reason.contributions().isEmpty()) {
                writeContributions(g, reason);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("transfer_ids");
        for (String id : r.transferIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeNumberField("latency_us", r.latencyUs());
        g.writeBooleanField("replayed", r.replayed());
        g.writeStringField("decided_at", Times.format(r.decidedAt()));
        if (submitter) {
            g.writeStringField("submitted_by", r.submittedBy());
        }
        if (warnings != null) {
            g.writeArrayFieldStart("warnings");
            for (InputWarning w : warnings) {
                g.writeStartObject();
                g.writeStringField("field", w.field());
                g.writeStringField("problem", w.problem());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (extra != null) {
            extra.write(g);
        }
        g.writeEndObject();
    }

    /** A model reason's top contributions: {@code explains} names the score, each entry a feature's share of it. */
    private static void writeContributions(JsonGenerator g, DecisionReason reason) throws IOException {
        g.writeStringField("explains", reason.explains());
        g.writeArrayFieldStart("contributions");
        for (Contribution c : reason.contributions()) {
            g.writeStartObject();
            g.writeStringField("feature", c.feature());
            number(g, "value", c.value());
            g.writeStringField("unit", c.unit());
            number(g, "contribution", c.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static byte[] reviews(List<ReviewItem> items) {
        return Json.bytes(256 + 256 * items.size(), g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("reviews");
            for (ReviewItem i : items) {
                writeReview(g, i);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void writeReview(JsonGenerator g, ReviewItem i) throws IOException {
        g.writeStartObject();
        g.writeStringField("payment_id", i.paymentId());
        g.writeStringField("status", i.status().wire());
        g.writeStringField("opened_at", Times.format(i.openedAt()));
        number(g, "score", i.score());
        g.writeNumberField("amount", i.amount());
        g.writeStringField("currency", i.currency());
        g.writeArrayFieldStart("reason_codes");
        for (String c : i.reasonCodes()) {
            g.writeString(c);
        }
        g.writeEndArray();
        if (i.label() != null) {
            g.writeStringField("label", i.label().wire());
        }
        if (i.resolvedAt() != 0) {
            g.writeStringField("resolved_at", Times.format(i.resolvedAt()));
        }
        g.writeEndObject();
    }

    static byte[] label(TrainingLabel l) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("payment_id", l.paymentId());
            g.writeStringField("label", l.label().wire());
            g.writeStringField("source", l.source().wire());
            g.writeStringField("at", Times.format(l.atNanos()));
            g.writeEndObject();
        });
    }

    static void number(JsonGenerator g, String field, double v) throws IOException {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, v);
        }
    }
}
