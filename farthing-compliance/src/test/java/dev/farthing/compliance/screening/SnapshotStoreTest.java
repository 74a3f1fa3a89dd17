package dev.farthing.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir Path tmp;

    private Path ofac(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("src-" + name));
        Files.writeString(dir.resolve("sdn.csv"), "1,\"" + name + "\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 1960.\"\r\n\u001a");
        return dir;
    }

    private Path un() throws IOException {
        Path file = tmp.resolve("un.xml");
        Files.writeString(file, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID><FIRST_NAME>ERIC</FIRST_NAME>"
            + "<SECOND_NAME>BADEGE</SECOND_NAME></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>");
        return file;
    }

    @Test
    void storesVersionedHashedSnapshotsDurably() throws IOException {
        Path data = tmp.resolve("data");
        SnapshotStore store = new SnapshotStore(data);
        ListSnapshot first = store.store(ofac("DOE, John"), un());
        assertThat(first.version()).matches("v1-[0-9a-f]{12}");
        assertThat(first.sha256()).hasSize(64).startsWith(first.version().substring(3));
        assertThat(first.entryCount()).isEqualTo(2);

        ListSnapshot again = store.store(ofac("DOE, John"), un());
        assertThat(again.version()).as("the same files make no new version").isEqualTo(first.version());

        ListSnapshot second = store.store(ofac("ROE, Richard"), un());
        assertThat(second.version()).startsWith("v2-");
        assertThat(second.sha256()).isNotEqualTo(first.sha256());

        SnapshotStore reopened = new SnapshotStore(data);
        ListSnapshot current = reopened.loadCurrent().orElseThrow();
        assertThat(current.version()).isEqualTo(second.version());
        assertThat(current.entries()).extracting(SanctionsEntry::primaryName).contains("ROE, Richard", "ERIC BADEGE");
        assertThat(reopened.load(first.version()).entries()).extracting(SanctionsEntry::primaryName).contains("DOE, John");
    }

    @Test
    void refusesAStoredFileThatNoLongerMatchesItsHash() throws IOException {
        Path data = tmp.resolve("data");
        ListSnapshot s = new SnapshotStore(data).store(ofac("DOE, John"), null);
        Files.writeString(data.resolve("sanctions/versions").resolve(s.version()).resolve("ofac/sdn.csv"), "2,\"X\"\r\n");
        assertThatThrownBy(() -> new SnapshotStore(data).loadCurrent()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not match its recorded hash");
    }

    @Test
    void needsAtLeastOneList() {
        assertThatThrownBy(() -> new SnapshotStore(tmp).store(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnapshotStore(tmp).store(tmp, null)).hasMessageContaining("no sdn.csv");
    }
}
