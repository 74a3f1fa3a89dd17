package dev.farthing.bench.rate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateBenchTest {

    /** A short open-loop run of each in-process target answers every arrival and reports the offered rate. */
    @Test
    void transfersAndClaimsAtAFixedRateAnswerEveryArrival() throws Exception {
        for (String target : List.of("transfers", "claims")) {
            List<String> lines = new ArrayList<>();
            RateBench.Options o = RateBench.Options.parse(new String[] {"--target", target, "--rate", "400",
                    "--duration", "1", "--warmup", "0", "--runs", "1", "--fsync", "false", "--workers", "2"});
            RateBench.run(o, lines::add);
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("\"mode\":\"" + target + "_in_process\"", "\"failures\":0", "\"offered_per_s\":400");
            assertThat(lines.get(1)).contains("\"summary\":\"median\"", "\"failures\":0");
            // about 400 arrivals in the measured second, all answered
            String count = lines.get(0).replaceAll(".*\"payments\":(\\d+).*", "$1");
            assertThat(Integer.parseInt(count)).isBetween(390, 410);
        }
    }

    @Test
    void refusesUnknownTargetsAndHttpClaims() {
        assertThatThrownBy(() -> RateBench.Options.parse(new String[] {"--target", "bogus"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateBench.Options.parse(new String[] {"--target", "claims", "--via", "http"}))
                .hasMessageContaining("in process only");
    }
}
