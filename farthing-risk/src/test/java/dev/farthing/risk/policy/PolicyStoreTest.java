package dev.farthing.risk.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyStoreTest {
    private static final String DEFAULT = "policy builtin\nscore.fraud > 0.99 => decline \"model_high_risk\"\n";
    private static final String STRICT = "policy strict\nfeatures.payer_count_1h > 10 => review \"busy\"\n";
    private static final String LAX = "policy lax\nfeatures.payer_count_1h > 100 => review \"busy\"\n";

    @TempDir
    Path dir;

    private PolicyStore open() {
        return new PolicyStore(dir, TestPolicies.SCHEMA, DEFAULT);
    }

    @Test
    void aFreshStoreRunsTheDefaultPolicy() {
        PolicyStore store = open();
        assertThat(store.active().name()).isEqualTo("builtin");
        assertThat(store.active()).isSameAs(store.defaultPolicy());
        assertThat(store.list()).isEmpty();
    }

    @Test
    void putActivateAndReopen() {
        PolicyStore store = open();
        String strict = store.put(STRICT);
        String lax = store.put(LAX);
        assertThat(store.put(STRICT)).isEqualTo(strict);
        assertThat(store.active().name()).isEqualTo("builtin");
        store.activate(strict);
        assertThat(store.active().version()).isEqualTo(strict);
        assertThat(store.list()).extracting(StoredPolicy::version).containsExactly(strict, lax);
        assertThat(store.list()).extracting(StoredPolicy::active).containsExactly(true, false);
        assertThat(store.source(lax)).contains(LAX);

        PolicyStore reopened = open();
        assertThat(reopened.active().version()).isEqualTo(strict);
        assertThat(reopened.active().evaluate(TestPolicies.input(21, 0, 0, 0)).action()).isEqualTo(Action.REVIEW);
        assertThat(reopened.list()).extracting(StoredPolicy::sequence).containsExactly(1, 2);
    }

    @Test
    void aBadPolicyIsRefusedAndNothingChanges() throws Exception {
        PolicyStore store = open();
        String strict = store.put(STRICT);
        store.activate(strict);
        byte[] activeBefore = Files.readAllBytes(dir.resolve("ACTIVE"));

        assertThatThrownBy(() -> store.put("features.nope > 1 => decline \"x\""))
                .isInstanceOfSatisfying(PolicyException.class,
                        e -> assertThat(e.errors().getFirst().message()).contains("unknown feature 'nope'"));
        assertThatThrownBy(() -> store.activate("strict-000000000000"))
                .isInstanceOfSatisfying(PolicyStoreException.class,
                        e -> assertThat(e.code()).isEqualTo("unknown_policy_version"));

        assertThat(store.active().version()).isEqualTo(strict);
        assertThat(store.list()).hasSize(1);
        assertThat(Files.readAllBytes(dir.resolve("ACTIVE"))).isEqualTo(activeBefore);
        assertThat(open().active().version()).isEqualTo(strict);
    }

    @Test
    void activatingTheDefaultStoresItSoALaterDefaultDoesNotOrphanIt() {
        PolicyStore store = open();
        String builtin = store.defaultPolicy().version();
        store.activate(builtin);
        PolicyStore upgraded = new PolicyStore(dir, TestPolicies.SCHEMA, DEFAULT.replace("0.99", "0.98"));
        assertThat(upgraded.active().version()).isEqualTo(builtin);
        assertThat(upgraded.defaultPolicy().version()).isNotEqualTo(builtin);
    }

    @Test
    void aTamperedVersionFileIsDetected() throws Exception {
        PolicyStore store = open();
        String strict = store.put(STRICT);
        store.activate(strict);
        try (var files = Files.list(dir.resolve("versions"))) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, STRICT.replace("10", "1000"));
        }
        assertThatThrownBy(this::open).isInstanceOfSatisfying(PolicyStoreException.class,
                e -> assertThat(e.code()).isEqualTo("policy_store_corrupt"));
    }

    @Test
    void leftoversOfACrashedWriteAreIgnored() throws Exception {
        PolicyStore store = open();
        String strict = store.put(STRICT);
        store.activate(strict);
        // A crash between writing the temporary file and renaming it leaves these behind.
        Files.writeString(dir.resolve("ACTIVE.tmp"), "garbage");
        Files.writeString(dir.resolve("versions").resolve("000002_lax-0123456789ab.policy.tmp"), "policy la");
        PolicyStore reopened = open();
        assertThat(reopened.active().version()).isEqualTo(strict);
        assertThat(reopened.list()).extracting(StoredPolicy::version).containsExactly(strict);
        assertThat(reopened.put(LAX)).startsWith("lax-");
        assertThat(reopened.list()).hasSize(2);
    }

    @Test
    void theBundledDefaultPolicyIsAResource() {
        assertThat(PolicyStore.defaultSource()).contains("policy default");
    }
}
