package dev.farthing.server.http.risk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.risk.engine.DecisionReason;
import dev.farthing.server.http.audit.AuditTrail;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * What the risk routes put in the audit trail: a payment's state as a small JSON object (decision, status,
 * score, versions, reason codes, transfers), before and after each decision on it. Subjects are
 * {@code payment:<id>}; actions {@code payment.decided}, {@code payment.challenge}, {@code payment.labelled},
 * {@code review.decided}.
 */
final class RiskAudit {
    private final AuditTrail trail;
    private final RiskEngine engine;

    RiskAudit(AuditTrail trail, RiskEngine engine) {
        this.trail = trail;
        this.engine = engine;
    }

    static String subject(String paymentId) {
        return "payment:" + paymentId;
    }

    /** The payment's state now, or null when there is none. */
    String stateNow(String paymentId) {
        return engine.lookup(paymentId).map(r -> state(r, null)).orElse(null);
    }

    void record(Context ctx, String action, String paymentId, String before, PaymentResult after, Extra extra) {
        trail.record(ctx, action, subject(paymentId), before, state(after, extra));
    }

    /** Fields an action adds to the after state (a verdict, a label). */
    @FunctionalInterface
    interface Extra {
        void write(JsonGenerator g) throws IOException;
    }

    static String state(PaymentResult r, Extra extra) {
        return AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("decision", r.decision().wire());
            g.writeStringField("status", r.status().wire());
            g.writeNumberField("score", r.score());
            g.writeStringField("model_version", r.modelVersion());
            g.writeStringField("policy_version", r.policyVersion());
            g.writeArrayFieldStart("reasons");
            for (DecisionReason reason : r.reasons()) {
                g.writeString(reason.code());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("transfer_ids");
            for (String id : r.transferIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            if (extra != null) {
                extra.write(g);
            }
            g.writeEndObject();
        });
    }
}
