package dev.farthing.compliance.cases;

import dev.farthing.compliance.monitoring.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One case as it stands: the alerts grouped under one subject ({@code alerts}: those raised by monitoring, with
 * their facts; {@code alertIds} every alert, monitoring's or another's), its state, who works it, notes, and its audit
 * trail (every change, with who and when). The SAR is due {@link #SAR_DUE_AFTER} after the first detection.
 */
public record Case(String id, String subject, List<String> alertIds, List<Alert> alerts, CaseState state, String assignee,
                   List<Note> notes, Instant detectedAt, String sarProposedBy, List<String> auditTrail) {
    public static final Duration SAR_DUE_AFTER = Duration.ofDays(30);

    public record Note(String author, Instant at, String text) {}

    public Case {
        alertIds = List.copyOf(alertIds);
        alerts = List.copyOf(alerts);
        notes = List.copyOf(notes);
        auditTrail = List.copyOf(auditTrail);
    }

    public Instant sarDueAt() { return detectedAt.plus(SAR_DUE_AFTER); }

    /** Still open past the SAR deadline. */
    public boolean overdue(Instant now) { return !state.closed() && now.isAfter(sarDueAt()); }
}
