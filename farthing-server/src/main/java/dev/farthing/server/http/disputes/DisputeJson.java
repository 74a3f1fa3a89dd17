package dev.farthing.server.http.disputes;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.evidence.ClaimantHistory;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.Appeal;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.Money;
import dev.farthing.disputes.model.Resolution;
import dev.farthing.disputes.model.Transition;
import dev.farthing.disputes.model.Vote;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.util.List;

/** A dispute on the wire (snake_case, times RFC 3339, amounts integers of minor units); the shape is stable. */
final class DisputeJson {
    private DisputeJson() {
    }

    static void write(JsonGenerator g, Dispute d, long hoursLeft) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("payment_id", d.request().paymentId());
        g.writeStringField("channel_id", d.request().channelId());
        g.writeStringField("claimant", d.claimant());
        g.writeStringField("respondent", d.respondent());
        g.writeStringField("reason", d.reason().wire());
        g.writeNumberField("amount", d.amount());
        g.writeStringField("currency", d.currency());
        g.writeStringField("narrative", d.request().narrative());
        g.writeStringField("state", d.state().wire());
        g.writeStringField("tier", d.tier() == null ? null : d.tier().wire());
        g.writeStringField("outcome", d.outcome() == null ? null : d.outcome().wire());
        g.writeNumberField("refund", d.refund());
        g.writeStringField("classification", d.classification() == null ? null : d.classification().wire());
        g.writeBooleanField("automatic", d.automatic());
        g.writeStringField("decided_by", d.decidedBy());
        g.writeBooleanField("overturned", d.overturned());
        g.writeStringField("jurisdiction", d.jurisdiction());
        g.writeStringField("created_at", Times.format(d.createdAt()));
        g.writeStringField("state_since", Times.format(d.stateSince()));
        g.writeStringField("deadline", Times.formatOrNull(d.deadline()));
        g.writeNumberField("hours_left", hoursLeft);
        g.writeArrayFieldStart("evidence");
        for (EvidenceItem e : d.evidence()) evidence(g, e);
        g.writeEndArray();
        resolution(g, d.resolution());
        gathered(g, d.gathered());
        appeal(g, d.appeal());
        money(g, d.money());
        g.writeArrayFieldStart("history");
        for (Transition t : d.history()) {
            g.writeStartObject();
            g.writeStringField("from", t.from() == null ? null : t.from().wire());
            g.writeStringField("to", t.to().wire());
            g.writeStringField("at", Times.format(t.at()));
            g.writeStringField("actor", t.actor());
            g.writeStringField("note", t.note());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, EvidenceItem e) throws IOException {
        g.writeStartObject();
        g.writeStringField("party", e.party().wire());
        g.writeStringField("kind", e.kind());
        g.writeStringField("description", e.description());
        g.writeStringField("ref", e.ref());
        g.writeStringField("at", Times.format(e.at()));
        g.writeEndObject();
    }

    private static void resolution(JsonGenerator g, Resolution r) throws IOException {
        if (r == null) {
            g.writeNullField("resolution");
            return;
        }
        g.writeObjectFieldStart("resolution");
        g.writeBooleanField("automatic", r.automatic());
        g.writeStringField("classification", r.classification().wire());
        g.writeArrayFieldStart("votes");
        for (Vote v : r.votes()) {
            g.writeStartObject();
            g.writeStringField("resolver", v.resolver());
            g.writeStringField("outcome", v.outcome() == null ? null : v.outcome().wire());
            g.writeNumberField("refund", v.refund());
            g.writeStringField("why", v.why());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "escalate_because", r.escalateBecause());
        g.writeStringField("tier", r.tier() == null ? null : r.tier().wire());
        g.writeEndObject();
    }

    private static void gathered(JsonGenerator g, Gathered x) throws IOException {
        if (x == null) {
            g.writeNullField("gathered");
            return;
        }
        g.writeObjectFieldStart("gathered");
        PaymentFacts p = x.payment();
        if (p == null) {
            g.writeNullField("payment");
        } else {
            g.writeObjectFieldStart("payment");
            g.writeStringField("payer", p.payer());
            g.writeStringField("payee", p.payee());
            g.writeNumberField("amount", p.amount());
            g.writeStringField("currency", p.currency());
            g.writeStringField("transfer_id", p.transferId());
            g.writeNumberField("fee_amount", p.feeAmount());
            g.writeStringField("risk_decision", p.riskDecision());
            g.writeNumberField("risk_score", p.riskScore());
            strings(g, "risk_reasons", p.riskReasons());
            g.writeStringField("device_id", p.deviceId());
            g.writeStringField("ip", p.ip());
            g.writeStringField("submitted_by_key", p.submittedByKey());
            g.writeStringField("paid_at", Times.format(p.paidAt()));
            g.writeEndObject();
        }
        g.writeNumberField("prior_same_device", x.priorSameDevice());
        g.writeNumberField("prior_same_address", x.priorSameAddress());
        g.writeBooleanField("compelling_evidence_3", x.compellingEvidence3());
        strings(g, "prior_payment_ids", x.priorPaymentIds());
        g.writeArrayFieldStart("deliveries");
        for (Delivery d : x.deliveries()) delivery(g, d);
        g.writeEndArray();
        ChannelFacts c = x.channel();
        if (c == null) {
            g.writeNullField("channel");
        } else {
            g.writeObjectFieldStart("channel");
            g.writeStringField("payer", c.payer());
            g.writeStringField("payee", c.payee());
            g.writeStringField("status", c.status());
            g.writeNumberField("paid_to_payee", c.paidToPayee());
            g.writeNumberField("deposit", c.deposit());
            g.writeBooleanField("payer_signed", c.payerSigned());
            g.writeEndObject();
        }
        g.writeNumberField("near_identical_payments", x.nearIdenticalPayments());
        g.writeNumberField("usual_amount", x.usualAmount());
        ClaimantHistory h = x.history();
        g.writeObjectFieldStart("claimant_history");
        g.writeNumberField("filed", h.filed());
        g.writeNumberField("won", h.won());
        g.writeNumberField("lost", h.lost());
        g.writeNumberField("confirmed_fraud_victim", h.confirmedFraudVictim());
        g.writeNumberField("open", h.open());
        g.writeEndObject();
        g.writeEndObject();
    }

    static void delivery(JsonGenerator g, Delivery d) throws IOException {
        g.writeStartObject();
        g.writeStringField("payment_id", d.paymentId());
        g.writeStringField("content_id", d.contentId());
        g.writeStringField("delivered_at", Times.format(d.deliveredAt()));
        if (d.progress() == null) g.writeNullField("progress");
        else g.writeNumberField("progress", d.progress());
        g.writeStringField("recorded_at", Times.format(d.recordedAt()));
        g.writeEndObject();
    }

    private static void appeal(JsonGenerator g, Appeal a) throws IOException {
        if (a == null) {
            g.writeNullField("appeal");
            return;
        }
        g.writeObjectFieldStart("appeal");
        g.writeStringField("by", a.by().wire());
        g.writeStringField("narrative", a.narrative());
        g.writeStringField("previous_outcome", a.previousOutcome() == null ? null : a.previousOutcome().wire());
        g.writeNumberField("previous_refund", a.previousRefund());
        g.writeStringField("previous_decided_by", a.previousDecider());
        g.writeBooleanField("previous_automatic", a.previousAutomatic());
        g.writeStringField("at", Times.format(a.at()));
        g.writeEndObject();
    }

    private static void money(JsonGenerator g, Money m) throws IOException {
        g.writeObjectFieldStart("money");
        g.writeStringField("status", m.status());
        g.writeStringField("provisional_hold", m.provisionalHold());
        g.writeNumberField("refunded", m.refunded());
        g.writeBooleanField("chargeback_fee_charged", m.feeCharged());
        strings(g, "transfers", m.transfers());
        g.writeStringField("detail", m.detail());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : values) g.writeString(s);
        g.writeEndArray();
    }
}
