package dev.farthing.simulator.provider;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedProviderTest {
    private static final String KNOBS = "{\"id\":\"p1\",\"refusalRate\":0.2,\"timeoutRate\":0.2,\"failureRate\":0.3,"
            + "\"settleAfterSeconds\":10,\"corridors\":[{\"currency\":\"EUR\",\"country\":\"FR\",\"fixedFeeMinor\":3,\"basisPoints\":15}]}";

    @Test
    void feesAreFixedPlusBasisPointsRoundedHalfUp() {
        SimConfig.CorridorFee fee = new SimConfig.CorridorFee("EUR", "FR", 3, 15);
        assertThat(fee.feeFor(10_000)).isEqualTo(3 + 15);
        assertThat(fee.feeFor(333)).as("0.4995 rounds down").isEqualTo(3);
        assertThat(fee.feeFor(334)).as("0.501 rounds up").isEqualTo(4);
        assertThatThrownBy(() -> fee.feeFor(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aTypoInTheConfigIsAnErrorNotADefault() {
        assertThatThrownBy(() -> SimConfig.parse("{\"providers\":[{\"id\":\"p\",\"failurRate\":1}]}"))
                .hasMessageContaining("failurRate");
        assertThatThrownBy(() -> SimConfig.parse("{\"providers\":[{\"id\":\"p\",\"failureRate\":1.5}]}"))
                .hasMessageContaining("rates");
        assertThatThrownBy(() -> SimConfig.parse("{\"providers\":[]}")).hasMessageContaining("at least one");
    }

    @Test
    void theSameSeedAndCallsDecideTheSame() throws Exception {
        assertThat(run(42)).isEqualTo(run(42)).isNotEqualTo(run(43));
    }

    private static List<String> run(long seed) throws Exception {
        SimulatedProvider p = new SimulatedProvider(SimConfig.knobs(ProviderSimulator.JSON.readTree(KNOBS)), seed);
        Instant t = Instant.parse("2026-01-05T00:00:00Z");
        List<String> log = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SimPayout.Request r = new SimPayout.Request("po" + i, "payee", "EUR", 2, 1_000 + i, "FR", "N", "FR76");
            log.add(p.submit("k" + i, r, t).httpStatus() + "");
        }
        p.settleDue(t.plusSeconds(10)).forEach(e -> log.add(e.type()));
        return log;
    }
}
