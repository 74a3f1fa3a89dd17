package dev.farthing.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.compliance.cases.Case;
import dev.farthing.compliance.cases.CaseBook;
import dev.farthing.compliance.monitoring.Alert;
import dev.farthing.compliance.monitoring.Scenario;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAR and CTR drafts from a case's alerts: the facts, the dates, the total counted once, the offline rules kept. */
class CaseReportsTest {
    @TempDir Path dir;
    private static final long T0 = Instant.parse("2026-03-01T10:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;

    private static Alert alert(Scenario s, long from, long to, List<String> transfers, long cents, String direction) {
        return new Alert(s.wire() + ":w1@" + to, s, "aml-1", "w1", from, to, transfers, cents, "USD", direction,
                s.wire() + " facts", "1:" + to % 1000, to);
    }

    @Test
    void sarAndCtrDraftsFromACase() {
        try (CaseBook book = CaseBook.open(dir)) {
            String id = book.raise(alert(Scenario.STRUCTURING, T0, T0 + 30 * HOUR, List.of("t1", "t2", "t3"), 2_910_000, "in"));
            book.raise(alert(Scenario.CASH_THRESHOLD, T0 + 20 * HOUR, T0 + 30 * HOUR, List.of("t2", "t3"), 1_970_000, "in"));
            book.raise(alert(Scenario.RAPID_MOVEMENT, T0 + 30 * HOUR, T0 + 31 * HOUR, List.of("t4", "t5"), 5_000_000, "both"));
            book.note(id, "customer could not explain the source of the cash", "alice", Instant.parse("2026-03-03T09:00:00Z"));
            Case c = book.get(id);
            assertThat(c.alerts()).hasSize(3);

            SarDraft d = CaseReports.sar(c, new CaseReports.Filer("FARTHING PAYMENTS INC", "123456789", "DOE, Jane", "COMPLIANCE"),
                    "ROE, Richard", LocalDate.of(2026, 3, 20));
            assertThat(d.activityFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(d.activityTo()).isEqualTo(LocalDate.of(2026, 3, 2));
            assertThat(d.totalAmountUsd()).as("rapid 50,000 + structuring 29,100; the cash alert shares its transfers").isEqualTo(79_100);
            assertThat(d.activityTypeId()).isEqualTo(106);
            assertThat(d.narrative()).contains("Case " + id).contains("structuring (rules aml-1").contains("could not explain");
            String xml = SarXml.write(d);
            assertThat(SarXmlRules.check(xml)).isEmpty();
            assertThat(xml).contains("ROE, Richard").contains("<fc2:TotalSuspiciousAmountText>79100<");

            List<CaseReports.CtrLine> ctr = CaseReports.ctr(c);
            assertThat(ctr).containsExactly(new CaseReports.CtrLine("w1", LocalDate.of(2026, 3, 2), "USD", 1_970_000, 0, List.of("t2", "t3")));
        }
    }
}
