package dev.farthing.customers.analytics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Classes of at least k distinct payers, generalised only as far as needed, suppressing at most the allowed share. */
class KAnonymousExportTest {
    private static final long MONDAY = LocalDate.parse("2026-11-30").toEpochDay();

    private static void pay(List<PaymentFact> facts, int payers, String prefix, String creator, String country, long day) {
        for (int p = 0; p < payers; p++) {
            facts.add(new PaymentFact("subject_" + prefix + p, creator, country, day, "EUR", 100));
        }
    }

    @Test
    void largeDailyClassesExportAsTheyAreAndSmallOnesAreSuppressed() {
        List<PaymentFact> facts = new ArrayList<>();
        pay(facts, 40, "a", "creator-a", "DE", MONDAY);
        pay(facts, 40, "b", "creator-a", "FR", MONDAY);
        pay(facts, 2, "c", "creator-b", "FR", MONDAY); // 2 of 82 payments: under 5 %, suppressed
        KAnonymousExport.Result r = KAnonymousExport.build(facts::forEach, 10, 0.05);
        assertThat(r.level()).isEqualTo(KAnonymousExport.Level.DAY_COUNTRY_CREATOR);
        assertThat(r.rows()).containsExactly(
                new KAnonymousExport.Row("2026-11-30", "DE", "creator-a", "EUR", 40, 40, 4_000),
                new KAnonymousExport.Row("2026-11-30", "FR", "creator-a", "EUR", 40, 40, 4_000));
        assertThat(r.suppressedPayments()).isEqualTo(2);
    }

    @Test
    void manyPaymentsOfOnePersonDoNotMakeAClassAnonymous() {
        List<PaymentFact> facts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            facts.add(new PaymentFact("subject_one", "creator-a", "DE", MONDAY, "EUR", 100));
        }
        assertThatThrownBy(() -> KAnonymousExport.build(facts::forEach, 10, 0.05))
                .isInstanceOf(KAnonymousExport.Refused.class)
                .hasMessageContaining("50 of 50 payments").hasMessageContaining("fewer than 10 distinct payers");
    }

    @Test
    void sparseDaysAndCountriesAreGeneralisedToWeeksAndRegions() {
        List<PaymentFact> facts = new ArrayList<>();
        for (int day = 0; day < 5; day++) { // 4 payers a day, in DE, FR or IT: no day or country reaches 10
            pay(facts, 4, "d" + day + "-", "creator-a", List.of("DE", "FR", "IT").get(day % 3), MONDAY + day);
        }
        KAnonymousExport.Result r = KAnonymousExport.build(facts::forEach, 10, 0.05);
        assertThat(r.level()).isEqualTo(KAnonymousExport.Level.WEEK_REGION_CREATOR);
        assertThat(r.rows()).containsExactly(new KAnonymousExport.Row("2026-W49", "europe", "creator-a", "EUR", 20, 20, 2_000));
        assertThat(r.rows()).allMatch(row -> row.subjects() >= 10);
    }

    @Test
    void kIsConfigurableButNotBelowTwo() {
        List<PaymentFact> facts = new ArrayList<>();
        pay(facts, 5, "a", "creator-a", "DE", MONDAY);
        assertThat(KAnonymousExport.build(facts::forEach, 5, 0).rows()).hasSize(1);
        assertThatThrownBy(() -> KAnonymousExport.build(facts::forEach, 6, 0)).isInstanceOf(KAnonymousExport.Refused.class);
        assertThatThrownBy(() -> KAnonymousExport.build(facts::forEach, 1, 0)).hasMessageContaining("at least 2");
    }
}
