package dev.farthing.server.http.aml;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.compliance.cases.Case;
import dev.farthing.compliance.monitoring.Alert;
import dev.farthing.compliance.reports.CaseReports;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Cases and their reports as JSON: a summary for lists, the whole case (alerts, notes, audit trail) for one. */
final class CaseJson {
    private CaseJson() {
    }

    static void summary(JsonGenerator g, Case c, Instant now) throws IOException {
        g.writeStartObject();
        fields(g, c, now);
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, Case c, Instant now) throws IOException {
        g.writeStringField("id", c.id());
        g.writeStringField("subject", c.subject());
        g.writeStringField("state", c.state().wire());
        g.writeStringField("assignee", c.assignee());
        g.writeNumberField("alert_count", c.alertIds().size());
        g.writeStringField("detected_at", c.detectedAt().toString());
        g.writeStringField("sar_due_at", c.sarDueAt().toString());
        g.writeBooleanField("overdue", c.overdue(now));
        g.writeStringField("sar_proposed_by", c.sarProposedBy());
    }

    static byte[] full(Case c, Instant now) {
        return Json.bytes(1024, g -> {
            g.writeStartObject();
            fields(g, c, now);
            g.writeArrayFieldStart("alert_ids");
            for (String id : c.alertIds()) g.writeString(id);
            g.writeEndArray();
            g.writeArrayFieldStart("alerts");
            for (Alert a : c.alerts()) alert(g, a);
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Case.Note n : c.notes()) {
                g.writeStartObject();
                g.writeStringField("author", n.author());
                g.writeStringField("at", n.at().toString());
                g.writeStringField("text", n.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("audit_trail");
            for (String line : c.auditTrail()) g.writeString(line);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void alert(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("scenario", a.scenario().wire());
        g.writeStringField("rules_version", a.rulesVersion());
        g.writeStringField("subject", a.subject());
        g.writeStringField("window_from", Times.format(a.windowFrom()));
        g.writeStringField("window_to", Times.format(a.windowTo()));
        g.writeArrayFieldStart("transfer_ids");
        for (String t : a.transferIds()) g.writeString(t);
        g.writeEndArray();
        g.writeNumberField("amount", a.amountMinor());
        g.writeStringField("currency", a.currency());
        g.writeStringField("direction", a.direction());
        g.writeStringField("reason", a.reason());
        g.writeStringField("ledger_position", a.position());
        g.writeEndObject();
    }

    static byte[] ctr(Case c, List<CaseReports.CtrLine> lines) {
        return Json.bytes(512, g -> {
            g.writeStartObject();
            g.writeStringField("case_id", c.id());
            g.writeStringField("subject", c.subject());
            g.writeArrayFieldStart("lines");
            for (CaseReports.CtrLine l : lines) {
                g.writeStartObject();
                g.writeStringField("day", l.day().toString());
                g.writeStringField("currency", l.currency());
                g.writeNumberField("cash_in", l.cashIn());
                g.writeNumberField("cash_out", l.cashOut());
                g.writeArrayFieldStart("transfer_ids");
                for (String t : l.transferIds()) g.writeString(t);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
