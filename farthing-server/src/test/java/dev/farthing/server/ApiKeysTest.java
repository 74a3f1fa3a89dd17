package dev.farthing.server;

import dev.farthing.server.keys.KeyFile;
import dev.farthing.server.keys.KeyMaterial;
import dev.farthing.server.keys.KeyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void initialiseCreatesTheDirectoryAndOneAdminKeyOnce() {
        Path data = dir.resolve("nested/data");
        assertThat(ApiKeys.isInitialised(data)).isFalse();
        String admin = ApiKeys.initialise(data);
        assertThat(admin).startsWith("fk_").hasSize(3 + 43);
        assertThat(ApiKeys.isInitialised(data)).isTrue();
        List<KeyInfo> keys = ApiKeys.list(data);
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.role()).isEqualTo(Role.ADMIN);
            assertThat(admin).startsWith(k.id());
            assertThat(k.revoked()).isFalse();
        });
        assertThatThrownBy(() -> ApiKeys.initialise(data))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already initialised");
    }

    @Test
    void keysAreStoredHashedNeverInPlaintext() throws Exception {
        String admin = ApiKeys.initialise(dir);
        String op = ApiKeys.create(dir, Role.OPERATOR, "ci");
        String file = Files.readString(KeyFile.path(dir));
        assertThat(file).doesNotContain(admin).doesNotContain(op.substring(KeyMaterial.ID_LENGTH));
        assertThat(file).contains(KeyMaterial.hash(op));
        assertThat(ApiKeys.list(dir)).extracting(KeyInfo::role).containsExactly(Role.ADMIN, Role.OPERATOR);
        assertThat(ApiKeys.list(dir).get(1).label()).isEqualTo("ci");
    }

    @Test
    void createNeedsAnInitialisedDirectory() {
        assertThatThrownBy(() -> ApiKeys.create(dir, Role.AUDITOR, "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not initialised");
    }

    @Test
    void registrySeesKeysCreatedAndRevokedAfterItLoaded() throws Exception {
        String admin = ApiKeys.initialise(dir);
        KeyRegistry registry = new KeyRegistry(dir);
        assertThat(registry.authenticate(admin)).isNotNull()
                .extracting(KeyRegistry.Principal::role).isEqualTo(Role.ADMIN);
        assertThat(registry.authenticate("fk_nope")).isNull();
        assertThat(registry.authenticate(null)).isNull();

        String auditor = ApiKeys.create(dir, Role.AUDITOR, "later");
        assertThat(registry.authenticate(auditor)).isNotNull()
                .extracting(KeyRegistry.Principal::role).isEqualTo(Role.AUDITOR);

        assertThat(ApiKeys.revoke(dir, KeyMaterial.idOf(auditor))).isTrue();
        assertThat(ApiKeys.revoke(dir, KeyMaterial.idOf(auditor))).isFalse();
        assertThat(ApiKeys.list(dir).get(1).revoked()).isTrue();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (registry.authenticate(auditor) != null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(registry.authenticate(auditor)).isNull();
        assertThat(registry.authenticate(admin)).isNotNull();
    }

    @Test
    void rolesAllowWhatTheyShould() {
        assertThat(Role.ADMIN.allows(Role.ADMIN)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.ADMIN)).isFalse();
        assertThat(Role.OPERATOR.allows(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.allows(Role.AUDITOR)).isTrue();
        assertThat(Role.AUDITOR.allows(Role.OPERATOR)).isFalse();
        assertThat(Role.AUDITOR.allows(Role.AUDITOR)).isTrue();
        assertThat(Role.REVIEWER.allows(Role.REVIEWER)).isTrue();
        assertThat(Role.REVIEWER.allows(Role.AUDITOR)).isTrue();
        assertThat(Role.REVIEWER.allows(Role.OPERATOR)).as("a reviewer moves no money").isFalse();
        assertThat(Role.OPERATOR.allows(Role.REVIEWER)).as("the key that pays does not review").isFalse();
        assertThat(Role.fromWire("reviewer")).isEqualTo(Role.REVIEWER);
        assertThat(Role.fromWire("operator")).isEqualTo(Role.OPERATOR);
        assertThatThrownBy(() -> Role.fromWire("root")).isInstanceOf(IllegalArgumentException.class);
    }
}
