package dev.farthing.compliance.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesJsonTest {
    @Test
    void membersOverrideTheShippedRulesAndMistakesAreNamed() {
        MonitoringRules r = RulesJson.parse("{\"version\":\"aml-2b\",\"fan_distinct\":12,\"rapid_window\":\"PT3H\","
                + "\"structuring_window\":\"P3D\",\"cash_account_prefixes\":[\"sys.payouts.\"]}");
        assertThat(r.version()).isEqualTo("aml-2b");
        assertThat(r.fanDistinct()).isEqualTo(12);
        assertThat(r.rapidWindow()).isEqualTo(Duration.ofHours(3));
        assertThat(r.structuringWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(r.cashAccountPrefixes()).isEqualTo(List.of("sys.payouts."));
        assertThat(r.reportThreshold()).isEqualTo(MonitoringRules.defaults().reportThreshold());

        assertThatThrownBy(() -> RulesJson.parse("{\"fan_distinct\":12}")).hasMessageContaining("version");
        assertThatThrownBy(() -> RulesJson.parse("{\"version\":\"x\",\"fan_distinkt\":12}")).hasMessageContaining("unknown monitoring rule fan_distinkt");
        assertThatThrownBy(() -> RulesJson.parse("{\"version\":\"x\",\"fan_distinct\":\"12\"}")).hasMessageContaining("fan_distinct has the wrong type");
        assertThatThrownBy(() -> RulesJson.parse("{\"version\":\"x\",\"rapid_window\":\"1h\"}")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RulesJson.parse("{\"version\":\"x\",\"structuring_floor_percent\":100}")).hasMessageContaining("refused");
    }
}
