package dev.farthing.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {

    @Test
    void defaultsMatchTheDocumentedFullRun() {
        BenchOptions o = BenchOptions.parse();
        assertThat(o.workloads()).containsExactly(Workload.UNIFORM, Workload.HOT);
        assertThat(o.modes()).containsExactly(Mode.values());
        assertThat(o.clients()).isEqualTo(64);
        assertThat(o.batch()).isEqualTo(8192);
        assertThat(o.wallets()).isEqualTo(10_000);
        assertThat(o.merchants()).isEqualTo(1_000);
        assertThat(o.transfers()).isZero();
        assertThat(o.paymentBudget(Workload.HOT)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void parsesListsEqualsFormAndQuick() {
        BenchOptions o = BenchOptions.parse("--workload=hot", "--mode", "http_single,postgres", "--quick",
                "--transfers", "1001", "--data", "/tmp/x");
        assertThat(o.workloads()).isEqualTo(List.of(Workload.HOT));
        assertThat(o.modes()).isEqualTo(List.of(Mode.HTTP_SINGLE, Mode.POSTGRES));
        assertThat(o.quick()).isTrue();
        assertThat(o.warmupS()).isZero();
        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.paymentBudget(Workload.HOT)).isEqualTo(501);
        assertThat(o.paymentsPerBatch(Workload.HOT)).isEqualTo(128);
    }

    @Test
    void refusesTyposAndBadValues() {
        assertThatThrownBy(() -> BenchOptions.parse("--trasnfers", "5")).hasMessageContaining("trasnfers");
        assertThatThrownBy(() -> BenchOptions.parse("--mode", "carrier_pigeon")).hasMessageContaining("carrier_pigeon");
        assertThatThrownBy(() -> BenchOptions.parse("--batch", "9000")).hasMessageContaining("8192");
        assertThatThrownBy(() -> BenchOptions.parse("--clients")).hasMessageContaining("needs a value");
    }
}
