package dev.farthing.compliance.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.compliance.monitoring.Alert;
import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * AML cases, durable on a {@link RecordLog}: every change is one JSON event, appended and fsynced before it is
 * applied, and replayed on open, so the audit trail is the log itself. Alerts for a subject join its case that is
 * not closed, or open a new one. Filing a SAR takes two compliance users: one proposes, another approves.
 * Times come from the caller (ledger time), never the wall clock. One writer: methods are synchronized.
 */
public final class CaseBook implements AutoCloseable {
    private static final int EVENT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITORING = "system:monitoring";

    private final RecordLog log;
    private final AuditSink audit;
    private final Map<String, MutableCase> cases = new LinkedHashMap<>();
    private final Map<String, String> openCaseOfSubject = new LinkedHashMap<>();
    private int sequence;

    private CaseBook(RecordLog log, AuditSink audit) {
        this.log = log;
        this.audit = audit;
        log.replay(log.startPosition(), this::replay);
    }

    public static CaseBook open(Path dir) { return open(dir, AuditSink.NONE); }

    /** Every change is also appended to {@code audit} (actor, its role, case.KIND, the case before and after). */
    public static CaseBook open(Path dir, AuditSink audit) { return new CaseBook(RecordLog.open(dir), audit); }

    /** A monitoring alert joins its subject's case (or opens one), with its facts; the same alert twice is one. */
    public synchronized String raise(Alert alert) {
        for (MutableCase c : cases.values()) {
            if (c.alertIds.contains(alert.id())) return c.id;
        }
        String caseId = openCaseOfSubject.get(alert.subject());
        if (caseId == null) caseId = "case-" + (sequence + 1);
        ObjectNode e = event("alert_raised", caseId, MONITORING, Instant.EPOCH.plusNanos(alert.detectedAt()))
                .put("alert_id", alert.id()).put("subject", alert.subject());
        e.set("alert", alert.toJson());
        return commit(e).id;
    }

    /** A case opened by hand (a referral): {@code reason} becomes its first note. 409-style {@code case_open} if one is open. */
    public synchronized Case open(String subject, String reason, String actor, Instant at) {
        requireText(subject, "subject");
        requireText(reason, "reason");
        String existing = openCaseOfSubject.get(subject);
        if (existing != null) throw new CaseException("case_open", subject + " already has an open case, " + existing);
        return commit(event("opened", "case-" + (sequence + 1), actor, at).put("subject", subject).put("text", reason)).snapshot();
    }

    /** Adds an alert to its subject's case (opening one if none is open); returns the case id. */
    public synchronized String raise(String alertId, String subject, Instant detectedAt, String actor) {
        requireText(alertId, "alert id");
        requireText(subject, "subject");
        for (MutableCase c : cases.values()) {
            if (c.alertIds.contains(alertId)) return c.id; // the same alert twice is one alert (exactly once)
        }
        String caseId = openCaseOfSubject.get(subject);
        if (caseId == null) caseId = "case-" + (sequence + 1);
        return commit(event("alert_raised", caseId, actor, detectedAt).put("alert_id", alertId).put("subject", subject)).id;
    }

    public synchronized Case assign(String caseId, String assignee, String actor, Instant at) {
        requireText(assignee, "assignee");
        live(caseId);
        return commit(event("assigned", caseId, actor, at).put("assignee", assignee)).snapshot();
    }

    public synchronized Case note(String caseId, String text, String actor, Instant at) {
        requireText(text, "note");
        get(caseId);
        return commit(event("noted", caseId, actor, at).put("text", text)).snapshot();
    }

    public synchronized Case transition(String caseId, CaseState to, String actor, Instant at) {
        MutableCase c = live(caseId);
        if (!c.state.next().contains(to)) {
            throw new CaseException("invalid_transition", "a case " + c.state.wire() + " cannot become " + to.wire()
                + (to == CaseState.SAR_FILED ? " (filing needs proposeSar then approveSar by another user)" : ""));
        }
        return commit(event("state_changed", caseId, actor, at).put("state", to.wire())).snapshot();
    }

    public synchronized Case proposeSar(String caseId, String actor, Instant at) {
        MutableCase c = live(caseId);
        if (c.state != CaseState.ESCALATED) throw new CaseException("invalid_transition", "only an escalated case can be filed");
        return commit(event("sar_proposed", caseId, actor, at)).snapshot();
    }

    /** The second pair of eyes: files the SAR when someone other than the proposer approves. */
    public synchronized Case approveSar(String caseId, String actor, Instant at) {
        MutableCase c = live(caseId);
        if (c.sarProposedBy == null) throw new CaseException("invalid_transition", "no SAR filing was proposed for " + caseId);
        if (c.sarProposedBy.equals(actor)) {
            throw new CaseException("four_eyes", "the SAR was proposed by " + actor + "; another compliance user must approve it");
        }
        return commit(event("sar_filed", caseId, actor, at)).snapshot();
    }

    public synchronized Case get(String caseId) {
        MutableCase c = cases.get(caseId);
        if (c == null) throw new CaseException("not_found", "no case " + caseId);
        return c.snapshot();
    }

    public synchronized List<Case> all() {
        return cases.values().stream().map(MutableCase::snapshot).toList();
    }

    public synchronized List<Case> overdue(Instant now) {
        return all().stream().filter(c -> c.overdue(now)).toList();
    }

    @Override
    public synchronized void close() { log.close(); }

    private MutableCase live(String caseId) {
        get(caseId);
        MutableCase c = cases.get(caseId);
        if (c.state.closed()) throw new CaseException("case_closed", caseId + " is " + c.state.wire());
        return c;
    }

    private ObjectNode event(String kind, String caseId, String actor, Instant at) {
        requireText(actor, "actor");
        Objects.requireNonNull(at, "at");
        return JSON.createObjectNode().put("kind", kind).put("case_id", caseId).put("actor", actor).put("at", at.toString());
    }

    private MutableCase commit(ObjectNode event) {
        MutableCase before = cases.get(event.path("case_id").asText());
        String beforeJson = before == null ? null : summary(before);
        try {
            log.appendAndSync(EVENT, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutableCase after = apply(event);
        String actor = event.path("actor").asText();
        audit.append(new AuditEvent(actor, actor.startsWith("system:") ? "system" : "compliance",
                "case." + event.path("kind").asText(), "case:" + after.id, beforeJson, summary(after)));
        return after;
    }

    /** The audit view of a case: no free text (notes may quote personal data), only its state and counts. */
    private static String summary(MutableCase c) {
        ObjectNode o = JSON.createObjectNode().put("subject", c.subject).put("state", c.state.wire())
                .put("alerts", c.alertIds.size()).put("notes", c.notes.size());
        if (c.assignee != null) o.put("assignee", c.assignee);
        if (c.sarProposedBy != null) o.put("sar_proposed_by", c.sarProposedBy);
        return o.toString();
    }

    private void replay(Record r) {
        if (r.type() != EVENT) return;
        try {
            apply((ObjectNode) JSON.readTree(r.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable case event at position " + r.position(), e);
        }
    }

    private MutableCase apply(ObjectNode e) {
        String kind = e.path("kind").asText();
        String id = e.path("case_id").asText();
        String actor = e.path("actor").asText();
        Instant at = Instant.parse(e.path("at").asText());
        MutableCase c = cases.get(id);
        if (c == null) {
            c = new MutableCase(id, e.path("subject").asText(), at);
            cases.put(id, c);
            openCaseOfSubject.put(c.subject, id);
            sequence = Math.max(sequence, Integer.parseInt(id.substring("case-".length())));
            c.audit.add(at + " " + actor + " opened the case for " + c.subject);
        }
        switch (kind) {
            case "alert_raised" -> {
                c.alertIds.add(e.path("alert_id").asText());
                if (e.has("alert")) c.alerts.add(Alert.fromJson(e.path("alert")));
            }
            case "opened" -> c.notes.add(new Case.Note(actor, at, e.path("text").asText()));
            case "assigned" -> c.assignee = e.path("assignee").asText();
            case "noted" -> c.notes.add(new Case.Note(actor, at, e.path("text").asText()));
            case "state_changed" -> c.state = CaseState.valueOf(e.path("state").asText().toUpperCase(java.util.Locale.ROOT));
            case "sar_proposed" -> c.sarProposedBy = actor;
            case "sar_filed" -> c.state = CaseState.SAR_FILED;
            default -> throw new IllegalStateException("unknown case event " + kind);
        }
        if (c.state.closed()) openCaseOfSubject.remove(c.subject, id);
        c.audit.add(at + " " + actor + " " + describe(kind, e));
        return c;
    }

    private static String describe(String kind, ObjectNode e) {
        return switch (kind) {
            case "alert_raised" -> "added alert " + e.path("alert_id").asText();
            case "assigned" -> "assigned the case to " + e.path("assignee").asText();
            case "noted" -> "added a note";
            case "opened" -> "opened it by hand";
            case "state_changed" -> "moved the case to " + e.path("state").asText();
            case "sar_proposed" -> "proposed filing a SAR";
            case "sar_filed" -> "approved the SAR filing (second compliance user)";
            default -> kind;
        };
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) throw new CaseException("invalid_request", what + " must not be blank");
    }

    private static final class MutableCase {
        final String id;
        final String subject;
        final Instant detectedAt;
        final List<String> alertIds = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();
        final List<Case.Note> notes = new ArrayList<>();
        final List<String> audit = new ArrayList<>();
        CaseState state = CaseState.OPEN;
        String assignee;
        String sarProposedBy;

        MutableCase(String id, String subject, Instant detectedAt) {
            this.id = id;
            this.subject = subject;
            this.detectedAt = detectedAt;
        }

        Case snapshot() {
            return new Case(id, subject, alertIds, alerts, state, assignee, notes, detectedAt, sarProposedBy, audit);
        }
    }

}
