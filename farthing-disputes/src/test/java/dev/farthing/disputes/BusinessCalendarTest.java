package dev.farthing.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.disputes.calendar.BusinessCalendar;
import dev.farthing.disputes.calendar.Jurisdictions;
import dev.farthing.disputes.model.DisputeState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
    static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void skipsWeekendsAndHolidaysInTheCalendarsZone() {
        BusinessCalendar ny = BusinessCalendar.weekdays(ZoneId.of("America/New_York"), Set.of(LocalDate.parse("2026-11-26")));
        // Wednesday 25 Nov 10:00 in New York, 1 business day: Thursday is Thanksgiving, so the end of Friday 27th there
        assertThat(ny.addBusinessDays(nanos("2026-11-25T15:00:00Z"), 1)).isEqualTo(nanos("2026-11-28T05:00:00Z"));
        // Friday evening, 2 days: Monday and Tuesday count, the deadline is the end of Tuesday in New York
        assertThat(ny.addBusinessDays(nanos("2026-11-27T23:00:00Z"), 2)).isEqualTo(nanos("2026-12-02T05:00:00Z"));
        // 23:30 in New York on Friday is already Saturday in UTC: the zone decides which day it is
        assertThat(ny.addBusinessDays(nanos("2026-11-28T04:30:00Z"), 1)).isEqualTo(nanos("2026-12-01T05:00:00Z"));
        BusinessCalendar berlin = BusinessCalendar.weekdays(ZoneId.of("Europe/Berlin"), Set.of());
        assertThat(berlin.addBusinessDays(nanos("2026-12-01T12:00:00Z"), 1)).isEqualTo(nanos("2026-12-02T23:00:00Z"));
        assertThatThrownBy(() -> ny.addBusinessDays(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hoursLeftRoundDownAndStopAtZero() {
        long deadline = nanos("2026-12-02T05:00:00Z");
        assertThat(BusinessCalendar.hoursLeft(deadline, nanos("2026-12-01T05:00:00Z"))).isEqualTo(24);
        assertThat(BusinessCalendar.hoursLeft(deadline, nanos("2026-12-02T04:59:59Z"))).isZero();
        assertThat(BusinessCalendar.hoursLeft(deadline, nanos("2026-12-03T00:00:00Z"))).isZero();
    }

    @Test
    void jurisdictionsByCurrency() {
        Jurisdictions j = Jurisdictions.defaults();
        assertThat(j.of("USD").name()).isEqualTo("us_reg_e");
        assertThat(j.of("USD").provisionalCredit()).isTrue();
        assertThat(j.of("EUR").name()).isEqualTo("eu");
        assertThat(j.of("GBP").name()).isEqualTo("default");
        assertThat(j.of("GBP").underAutoLimit("GBP", 1)).as("no limit configured: never alone").isFalse();
        // Reg E: 10 business days of evidence
        assertThat(j.of("USD").deadline(DisputeState.EVIDENCE, null, nanos("2026-12-01T15:00:00Z")))
                .isEqualTo(nanos("2026-12-16T05:00:00Z"));
        assertThat(j.of("USD").deadline(DisputeState.FINAL, null, 1)).isZero();
    }
}
