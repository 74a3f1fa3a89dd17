package dev.farthing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.compliance.screening.SnapshotStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctionsCommandTest {
    @TempDir Path tmp;

    @Test
    void loadStoresAVersionedHashedSnapshot() throws IOException {
        Path ofac = Files.createDirectories(tmp.resolve("ofac"));
        Files.writeString(ofac.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a");
        Files.writeString(ofac.resolve("alt.csv"), "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n77,13,\"aka\",\"ORPHAN\",-0- \r\n\u001a");
        Path data = tmp.resolve("data");
        CliCommandsTest.Result r = CliCommandsTest.run("sanctions", "load", "--ofac", ofac.toString(), "--data", data.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("ofac_sdn: 1 entries, 1 aliases, 1 rows joining no entry").containsPattern("List version v1-[0-9a-f]{12} \\(sha256 [0-9a-f]{64}\\)");
        assertThat(new SnapshotStore(data.resolve("screening")).loadCurrent()).isPresent();

        assertThat(CliCommandsTest.run("sanctions", "load", "--data", data.toString()).exit()).isEqualTo(ExitCodes.USAGE);
        CliCommandsTest.Result missing = CliCommandsTest.run("sanctions", "load", "--ofac", tmp.resolve("nope").toString(), "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(missing.err()).contains("no sdn.csv");
    }
}
