package dev.farthing.risk.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureSchemaTest {
    @Test
    void everyFeatureHasASnakeCaseNameAUnitAndADescription() {
        FeatureSchema schema = DefaultFeatureEngine.defaultSchema();
        assertThat(schema.size()).isBetween(40, 80);
        for (FeatureSchema.Feature f : schema.features()) {
            assertThat(f.name()).matches("[a-z][a-z0-9]*(_[a-z0-9]+)*");
            assertThat(f.unit()).isNotBlank();
            assertThat(f.description()).hasSizeGreaterThan(10);
        }
        assertThat(schema.has("payer_count_1h")).isTrue();
        assertThat(schema.has("payer_gap_cv_1h")).isTrue();
        assertThat(schema.feature(schema.indexOf("payer_sum_1h")).unit()).isEqualTo("minor_units");
        assertThat(new DefaultFeatureEngine(FeatureConfig.defaults()).schema()).isEqualTo(schema);
    }
}
