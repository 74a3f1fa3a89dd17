package dev.farthing.compliance.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseBookTest {
    @TempDir Path dir;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void groupsAlertsPerSubjectAndWalksTheStatesWithFourEyesFiling() {
        String caseId;
        try (CaseBook book = CaseBook.open(dir)) {
            caseId = book.raise("alert-1", "customer-7", T0, "monitoring");
            assertThat(book.raise("alert-2", "customer-7", T0.plusSeconds(60), "monitoring")).isEqualTo(caseId);
            assertThat(book.raise("alert-2", "customer-7", T0.plusSeconds(61), "monitoring")).as("same alert once").isEqualTo(caseId);
            assertThat(book.raise("alert-3", "customer-9", T0, "monitoring")).isNotEqualTo(caseId);
            book.assign(caseId, "alice", "lead", T0.plusSeconds(120));
            book.transition(caseId, CaseState.INVESTIGATING, "alice", T0.plusSeconds(180));
            book.note(caseId, "five deposits of 9,900 in two days", "alice", T0.plusSeconds(200));
            assertThatThrownBy(() -> book.transition(caseId, CaseState.SAR_FILED, "alice", T0.plusSeconds(210)))
                .isInstanceOf(CaseException.class).hasMessageContaining("needs proposeSar");
            book.transition(caseId, CaseState.ESCALATED, "alice", T0.plusSeconds(240));
            book.proposeSar(caseId, "alice", T0.plusSeconds(300));
            assertThatThrownBy(() -> book.approveSar(caseId, "alice", T0.plusSeconds(301)))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.code()).isEqualTo("four_eyes"));
            Case filed = book.approveSar(caseId, "bob", T0.plusSeconds(400));
            assertThat(filed.state()).isEqualTo(CaseState.SAR_FILED);
            assertThatThrownBy(() -> book.assign(caseId, "carol", "lead", T0.plusSeconds(500)))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.code()).isEqualTo("case_closed"));
            assertThat(book.raise("alert-4", "customer-7", T0.plusSeconds(600), "monitoring"))
                .as("a closed case takes no new alerts").isNotEqualTo(caseId);
        }
        try (CaseBook reopened = CaseBook.open(dir)) {
            Case c = reopened.get(caseId);
            assertThat(c.state()).isEqualTo(CaseState.SAR_FILED);
            assertThat(c.alertIds()).containsExactly("alert-1", "alert-2");
            assertThat(c.assignee()).isEqualTo("alice");
            assertThat(c.notes()).extracting(Case.Note::text).containsExactly("five deposits of 9,900 in two days");
            assertThat(c.auditTrail()).anyMatch(l -> l.contains("bob approved the SAR filing"))
                .anyMatch(l -> l.contains("alice moved the case to escalated"));
            assertThat(reopened.all()).hasSize(3);
            assertThat(reopened.raise("alert-5", "customer-11", T0, "monitoring")).isEqualTo("case-4");
        }
    }

    @Test
    void theSarIsDueThirtyDaysAfterDetection() {
        try (CaseBook book = CaseBook.open(dir)) {
            String id = book.raise("a", "s", T0, "monitoring");
            assertThat(book.get(id).sarDueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
            assertThat(book.overdue(T0.plus(Duration.ofDays(29)))).isEmpty();
            assertThat(book.overdue(T0.plus(Duration.ofDays(31)))).extracting(Case::id).containsExactly(id);
            book.transition(id, CaseState.CLOSED_NO_ACTION, "alice", T0.plusSeconds(5));
            assertThat(book.overdue(T0.plus(Duration.ofDays(31)))).isEmpty();
        }
    }
}
