package dev.farthing.compliance.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static SarDraft draft(String narrative, String subject) {
        return new SarDraft(new SarDraft.Party("FARTHING PAYMENTS INC", "123456789"), new SarDraft.Party("DOE, Jane", null),
            new SarDraft.Party("FARTHING PAYMENTS INC", "123456789"), new SarDraft.Party("COMPLIANCE OFFICE", null),
            List.of(new SarDraft.Party(subject, null)), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 49_500,
            106, 1601, narrative, LocalDate.of(2026, 3, 20));
    }

    @Test
    void writesAFinCenSarxDraftThatKeepsTheOfflineRules() {
        String xml = SarXml.write(draft("  Five cash deposits of USD 9,900 on 1-2 March 2026.\nCase case-1, alerts alert-1, alert-2.\u0007  ",
            " ROE, Richard\t"));
        assertThat(xml).contains("<fc2:EFilingBatchXML xmlns:fc2=\"www.fincen.gov/base\" ActivityCount=\"1\">",
            "<fc2:FormTypeCode>SARX</fc2:FormTypeCode>", "<fc2:ActivityPartyTypeCode>33</fc2:ActivityPartyTypeCode>",
            "<fc2:RawPartyFullName>ROE, Richard</fc2:RawPartyFullName>",
            "<fc2:SuspiciousActivityFromDateText>20260301</fc2:SuspiciousActivityFromDateText>",
            "<fc2:TotalSuspiciousAmountText>49500</fc2:TotalSuspiciousAmountText>",
            "<fc2:NarrativeText>Five cash deposits of USD 9,900 on 1-2 March 2026.\nCase case-1, alerts alert-1, alert-2.</fc2:NarrativeText>");
        assertThat(SarXmlRules.check(xml)).isEmpty();
        assertThatThrownBy(() -> SarXml.write(draft("   ", "ROE, Richard"))).hasMessageContaining("the narrative is required");
    }

    @Test
    void theRulesCatchSpacesControlCharactersAndMissingParts() {
        String bad = "<fc2:EFilingBatchXML xmlns:fc2=\"www.fincen.gov/base\"><fc2:FormTypeCode>SARX </fc2:FormTypeCode>"
            + "<fc2:Activity><fc2:Party><fc2:ActivityPartyTypeCode>33</fc2:ActivityPartyTypeCode>"
            + "<fc2:RawPartyFullName>A\tB</fc2:RawPartyFullName></fc2:Party>"
            + "<fc2:FilingDateText>2026-03-20</fc2:FilingDateText></fc2:Activity></fc2:EFilingBatchXML>";
        assertThat(SarXmlRules.check(bad)).contains("FormTypeCode has leading or trailing spaces",
            "RawPartyFullName contains a control character (U+0009)", "FilingDateText must be YYYYMMDD",
            "required element SuspiciousActivity is missing", "a transmitter party (type 35) is required",
            "the narrative is required");
    }

    @Test
    void cashTotalsPerCustomerPerDayOverTheThreshold() {
        LocalDate d1 = LocalDate.of(2026, 3, 1);
        LocalDate d2 = LocalDate.of(2026, 3, 2);
        List<CashTotals.Line> lines = CashTotals.overThreshold(List.of(
            new CashTotals.Movement("c1", d1, 600_000, true), new CashTotals.Movement("c1", d1, 500_000, true),
            new CashTotals.Movement("c1", d2, 900_000, true), new CashTotals.Movement("c2", d1, 1_000_000, false),
            new CashTotals.Movement("c3", d1, 1_000_001, false)), 1_000_000);
        assertThat(lines).containsExactly(new CashTotals.Line("c1", d1, 1_100_000, 0, 2), new CashTotals.Line("c3", d1, 0, 1_000_001, 1));
        assertThatThrownBy(() -> CashTotals.overThreshold(List.of(new CashTotals.Movement("c", d1, Long.MAX_VALUE, true),
            new CashTotals.Movement("c", d1, 1, true)), 0)).isInstanceOf(ArithmeticException.class);
    }
}
