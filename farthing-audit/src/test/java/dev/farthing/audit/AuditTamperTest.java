package dev.farthing.audit;

import dev.farthing.contracts.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A byte changed in any field of a stored record is found, and the record named; a torn tail is cut by the log's rule. */
class AuditTamperTest {
    @TempDir
    Path tmp;

    private static final AuditEvent TARGET = new AuditEvent("fk_actor", "reviewer", "review.decided",
            "payment:p-42", "{\"status\":\"held\"}", "{\"status\":\"approved\"}");

    /** Three records; returns the position of the second (the one tampered with). */
    private long writeThree(Path dir) {
        try (AuditLog log = AuditLog.open(dir, () -> 7_000)) {
            log.append(new AuditEvent("fk_a", "operator", "payment.decided", "payment:p-41", null, "{}"));
            long position = log.appendDurably(TARGET).join().position();
            log.appendDurably(new AuditEvent("fk_b", "admin", "key.created", "key:fk_c", null, "{}")).join();
            return position;
        }
    }

    /** Where each field of TARGET's encoding starts (a byte inside its value, not its length, where it has one). */
    private static Map<String, Integer> fieldOffsets() {
        Map<String, Integer> at = new LinkedHashMap<>();
        int i = 0;
        at.put("version", i);
        i += 1;
        at.put("sequence", i + 7);
        i += 8;
        at.put("time", i + 6);
        i += 8;
        String[] names = {"actor", "role", "action", "subject", "before", "after"};
        String[] values = {TARGET.actor(), TARGET.role(), TARGET.action(), TARGET.subject(), TARGET.before(), TARGET.after()};
        for (int k = 0; k < names.length; k++) {
            at.put(names[k] + " length", i + 3);
            at.put(names[k], i + 4 + 1);
            i += 4 + values[k].getBytes(StandardCharsets.UTF_8).length;
        }
        at.put("previous hash", i + 5);
        i += 32;
        at.put("hash", i + 31);
        return at;
    }

    @Test
    void aForgedByteInEveryFieldIsFoundAndTheRecordNamed() {
        Path original = tmp.resolve("original");
        long position = writeThree(original);
        for (var field : fieldOffsets().entrySet()) {
            Path copy = tmp.resolve("forged-" + field.getKey().replace(' ', '-'));
            AuditFiles.copy(original, copy);
            AuditFiles.flip(AuditFiles.onlySegment(copy), position, field.getValue(), true);

            AuditVerification v = AuditLog.verify(copy);
            assertThat(v.ok()).as("a forged %s is found", field.getKey()).isFalse();
            assertThat(v.badSequence()).as(field.getKey()).isEqualTo(2);
            assertThat(v.badPosition()).as(field.getKey()).isEqualTo(position);
            assertThat(v.records()).isEqualTo(1);
            assertThat(v.verdict()).startsWith("FAILED: audit record 2 ");
            assertThatThrownBy(() -> AuditLog.open(copy, () -> 0).close())
                    .isInstanceOf(AuditChainException.class).hasMessageContaining("audit record 2");
        }
    }

    @Test
    void aRecordRewrittenWithItsOwnHashRecomputedBreaksTheNextLink() {
        Path dir = tmp.resolve("rewritten");
        long position = writeThree(dir);
        // A forger who re-hashes record 2 after changing it: its own hash fits, record 3's previous hash does not.
        byte[] forged = AuditCodec.encode(2, 7_000, new AuditEvent("fk_actor", "reviewer", "review.decided",
                "payment:p-42", "{\"status\":\"held\"}", "{\"status\":\"declined\"}"), tamperedPrevious(dir));
        Path segment = AuditFiles.onlySegment(dir);
        try {
            byte[] file = Files.readAllBytes(segment);
            int payload = (int) AuditFiles.payloadOffset(segment, position);
            System.arraycopy(forged, 0, file, payload, forged.length); // same length: "declined" vs "approved"
            Files.write(segment, file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        AuditFiles.flip(segment, position, 0, true); // recompute the frame checksums (flipping twice restores)
        AuditFiles.flip(segment, position, 0, true);
        AuditVerification v = AuditLog.verify(dir);
        assertThat(v.ok()).isFalse();
        assertThat(v.badSequence()).isEqualTo(3);
        assertThat(v.problem()).contains("previous hash");
    }

    private static byte[] tamperedPrevious(Path dir) {
        try (AuditLog log = AuditLog.open(dir, () -> 0)) {
            return log.query(AuditQuery.bySubject("payment:p-41", 1)).records().getFirst().hash();
        }
    }

    @Test
    void aChangedByteWithoutForgedChecksumsIsFoundToo() {
        Path dir = tmp.resolve("raw");
        long position = writeThree(dir);
        AuditFiles.flip(AuditFiles.onlySegment(dir), position, fieldOffsets().get("subject"), false);
        AuditVerification v;
        try {
            v = AuditLog.verify(dir);
        } catch (dev.farthing.recordlog.RecordLogCorruptException e) {
            return; // the record log itself refuses to open a damaged frame in its last segment: also detection
        }
        assertThat(v.ok()).isFalse();
        assertThat(v.badSequence()).isEqualTo(2);
    }

    @Test
    void aTornLastRecordIsCutByTheRecordLogRuleAndTheChainResumes() throws IOException {
        Path dir = tmp.resolve("torn");
        writeThree(dir);
        Path segment = AuditFiles.onlySegment(dir);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 10); // the last frame's payload runs past the end: never acknowledged
        }
        try (AuditLog log = AuditLog.open(dir, () -> 8_000)) {
            assertThat(log.size()).isEqualTo(2);
            AuditRecord next = log.appendDurably(new AuditEvent("fk_d", "admin", "key.revoked", "key:fk_c", "{}", null)).join();
            assertThat(next.sequence()).isEqualTo(3);
        }
        AuditVerification v = AuditLog.verify(dir);
        assertThat(v.ok()).as(v.verdict()).isTrue();
        assertThat(v.records()).isEqualTo(3);
    }
}
