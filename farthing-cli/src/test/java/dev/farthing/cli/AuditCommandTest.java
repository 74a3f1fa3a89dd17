package dev.farthing.cli;

import dev.farthing.audit.AuditLog;
import dev.farthing.contracts.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCommandTest {
    @TempDir
    Path tmp;

    @Test
    void verifyProvesAGoodChainAndNamesTheForgedRecord() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        long second;
        try (AuditLog log = AuditLog.open(data.resolve("audit"), () -> 1_000)) {
            log.append(new AuditEvent("fk_a", "operator", "payment.decided", "payment:p-1", null, "{\"decision\":\"approved\"}"));
            second = log.appendDurably(new AuditEvent("fk_b", "reviewer", "review.decided", "payment:p-1",
                    "{\"status\":\"held\"}", "{\"status\":\"posted\"}")).join().position();
        }
        CliCommandsTest.Result ok = CliCommandsTest.run("audit", "verify", "--data", data.toString());
        assertThat(ok.exit()).as(ok.err()).isEqualTo(ExitCodes.OK);
        assertThat(ok.out()).startsWith("VERIFIED: 2 audit records");

        // Change "fk_b" to "fk_c" and recompute the frame's CRCs, as a forger would.
        Path segment;
        try (var files = Files.list(data.resolve("audit"))) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("segment-")).findFirst().orElseThrow();
        }
        byte[] file = Files.readAllBytes(segment);
        int frame = (int) second; // one segment, base 0
        int length = ByteBuffer.wrap(file, frame, 4).getInt();
        int actor = frame + 16 + 1 + 8 + 8 + 4 + 3;
        assertThat((char) file[actor]).isEqualTo('b');
        file[actor] = 'c';
        CRC32C body = new CRC32C();
        body.update(file, frame, 8);
        body.update(file, frame + 16, length);
        ByteBuffer.wrap(file, frame + 8, 4).putInt((int) body.getValue());
        CRC32C header = new CRC32C();
        header.update(file, frame, 12);
        ByteBuffer.wrap(file, frame + 12, 4).putInt((int) header.getValue());
        Files.write(segment, file);

        CliCommandsTest.Result bad = CliCommandsTest.run("audit", "verify", "--data", data.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.VERIFY_FAILED);
        assertThat(bad.out()).startsWith("FAILED: audit record 2 ").contains("hash");

        CliCommandsTest.Result none = CliCommandsTest.run("audit", "verify", "--data", tmp.toString());
        assertThat(none.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(none.err()).contains("no audit trail");
    }
}
