package dev.farthing.audit;

import dev.farthing.contracts.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {
    @TempDir
    Path dir;
    private final AtomicLong clock = new AtomicLong(1_000);

    private AuditLog open() {
        return AuditLog.open(dir, clock::get);
    }

    static AuditEvent event(String actor, String action, String subject) {
        return new AuditEvent(actor, "reviewer", action, subject, "{\"status\":\"open\"}", "{\"status\":\"approved\"}");
    }

    @Test
    void recordsAreChainedAndStampedWithTheClockPassedIn() {
        try (AuditLog log = open()) {
            AuditRecord first = log.appendDurably(event("fk_a", "review.decided", "payment:p-1")).join();
            clock.set(2_000);
            AuditRecord second = log.appendDurably(event("fk_b", "review.decided", "payment:p-2")).join();
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.previousHash()).isEqualTo(new byte[32]);
            assertThat(first.timeNanos()).isEqualTo(1_000);
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.previousHash()).isEqualTo(first.hash());
            assertThat(second.timeNanos()).isEqualTo(2_000);
            assertThat(log.verify().ok()).isTrue();
        }
    }

    @Test
    void timeNeverGoesBackEvenWhenTheClockDoes() {
        try (AuditLog log = open()) {
            clock.set(5_000);
            log.append(event("fk_a", "x.y", "s:1"));
            clock.set(4_000);
            AuditRecord later = log.appendDurably(event("fk_a", "x.y", "s:1")).join();
            assertThat(later.timeNanos()).isEqualTo(5_000);
        }
    }

    @Test
    void queriesFilterBySubjectActorActionAndTimeAndPage() {
        try (AuditLog log = open()) {
            for (int i = 0; i < 30; i++) {
                clock.set(1_000 + i);
                log.append(event(i % 2 == 0 ? "fk_even" : "fk_odd", i % 3 == 0 ? "review.decided" : "payment.decided",
                        "payment:p-" + (i % 5)));
            }
            List<AuditRecord> p0 = log.query(AuditQuery.bySubject("payment:p-0", 100)).records();
            assertThat(p0).extracting(AuditRecord::sequence).containsExactly(1L, 6L, 11L, 16L, 21L, 26L);

            AuditPage first = log.query(AuditQuery.bySubject("payment:p-0", 4));
            assertThat(first.records()).hasSize(4);
            assertThat(first.nextAfter()).isEqualTo(16L);
            AuditPage second = log.query(AuditQuery.bySubject("payment:p-0", 4).after(first.nextAfter()));
            assertThat(second.records()).extracting(AuditRecord::sequence).containsExactly(21L, 26L);
            assertThat(second.nextAfter()).isNull();

            var byActor = log.query(new AuditQuery(null, "fk_odd", "review.", null, null, 0, 100)).records();
            assertThat(byActor).extracting(AuditRecord::sequence).containsExactly(4L, 10L, 16L, 22L, 28L);
            assertThat(byActor).allSatisfy(r -> assertThat(r.event().actor()).isEqualTo("fk_odd"));

            var window = log.query(new AuditQuery(null, null, null, 1_010L, 1_013L, 0, 100)).records();
            assertThat(window).extracting(AuditRecord::timeNanos).containsExactly(1_010L, 1_011L, 1_012L);

            assertThat(log.query(AuditQuery.bySubject("payment:none", 10)).records()).isEmpty();
            assertThat(log.query(new AuditQuery(null, "fk_nobody", null, null, null, 0, 10)).records()).isEmpty();
        }
    }

    @Test
    void aQuerySeesEveryAppendBeforeItWithoutWaitingForTheCaller() {
        try (AuditLog log = open()) {
            for (int i = 0; i < 200; i++) {
                log.append(event("fk_a", "payment.decided", "payment:p-" + i));
            }
            assertThat(log.query(AuditQuery.bySubject("payment:p-199", 10)).records()).hasSize(1);
            assertThat(log.size()).isEqualTo(200);
        }
    }

    @Test
    void reopeningRebuildsTheIndexAndResumesTheChain() {
        AuditRecord third;
        try (AuditLog log = open()) {
            log.append(event("fk_a", "a.b", "s:1"));
            log.append(event("fk_a", "a.b", "s:2"));
            third = log.appendDurably(event("fk_b", "a.b", "s:1")).join();
        }
        try (AuditLog log = open()) {
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.query(AuditQuery.bySubject("s:1", 10)).records()).extracting(AuditRecord::sequence)
                    .containsExactly(1L, 3L);
            AuditRecord fourth = log.appendDurably(event("fk_c", "a.b", "s:1")).join();
            assertThat(fourth.sequence()).isEqualTo(4);
            assertThat(fourth.previousHash()).isEqualTo(third.hash());
        }
        AuditVerification v = AuditLog.verify(dir);
        assertThat(v.ok()).as(v.verdict()).isTrue();
        assertThat(v.records()).isEqualTo(4);
    }

    @Test
    void nullStatesAndUnicodeRoundTrip() {
        try (AuditLog log = open()) {
            log.append(new AuditEvent("system:risk", "system", "key.created", "key:fk_é", null, "{\"n\":\"ü😀\"}"));
        }
        try (AuditLog log = open()) {
            AuditRecord r = log.query(AuditQuery.bySubject("key:fk_é", 1)).records().getFirst();
            assertThat(r.event().before()).isNull();
            assertThat(r.event().after()).isEqualTo("{\"n\":\"ü😀\"}");
        }
    }

    @Test
    void oversizedFieldsAreRefusedAndLeaveTheChainIntact() {
        try (AuditLog log = open()) {
            String huge = "x".repeat(AuditCodec.MAX_STATE_BYTES + 1);
            assertThatThrownBy(() -> log.append(new AuditEvent("a", "b", "c", "d", huge, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
            assertThat(log.appendDurably(event("fk_a", "a.b", "s:1")).join().sequence()).isEqualTo(1);
            assertThat(log.verify().ok()).isTrue();
        }
    }
}
