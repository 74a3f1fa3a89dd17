package dev.farthing.cli.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void readsTheWaysPeopleWriteDurations() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Durations.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(Durations.parse("PT36H")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("0s")).isZero();
    }

    @Test
    void refusesAnythingElseWithTheTextInTheMessage() {
        for (String bad : new String[]{"", "h", "24", "24x", "1.5h", "-", "P", "-5m", "PT-1H"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a duration");
        }
    }
}
