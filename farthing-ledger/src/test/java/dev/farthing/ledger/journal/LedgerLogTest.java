package dev.farthing.ledger.journal;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches on the record log, read back from any batch across many small segments (the event tail's older reads). */
class LedgerLogTest {
    @TempDir
    Path dir;

    @Test
    void readsFromAnyBatchAcrossSegmentsAndResumesPagingForward() {
        long seed = Seeds.seed("LedgerLogTest");
        Random rnd = new Random(seed);
        System.out.println("LedgerLogTest seed=" + seed);
        List<List<LedgerEvent>> written = new ArrayList<>();
        long t = 1;
        try (LedgerLog log = LedgerLog.open(dir, false, 4096)) {
            BatchEncoder encoder = new BatchEncoder(0, LedgerFrames.GENESIS_HASH);
            for (int b = 1; b <= 300; b++) {
                List<LedgerEvent> events = new ArrayList<>();
                for (int i = 0; i < 1 + rnd.nextInt(5); i++) {
                    t++;
                    events.add(new LedgerEvent.TransferCommitted(new TransferView("t" + b + "." + i, "a", "b", 1 + rnd.nextInt(99),
                            "USD", null, null, Map.of(), 0, t, TransferStatus.POSTED, 1, 0, 0)));
                }
                log.append(encoder.encode(events, t)).join();
                written.add(events);
            }
        }
        try (LedgerLog log = LedgerLog.openReadOnly(dir)) {
            JournalTailReader reader = new JournalTailReader(log);
            for (int probe = 0; probe < 40; probe++) {
                long from = 1 + rnd.nextInt(300);
                long upTo = from + rnd.nextInt((int) (301 - from));
                List<Long> seen = new ArrayList<>();
                reader.read(from, upTo, (sequence, time, events) -> {
                    assertThat(events).as("seed=%d batch %d", seed, sequence).isEqualTo(written.get((int) sequence - 1));
                    seen.add(sequence);
                    return rnd.nextInt(20) > 0; // sometimes stop early: the next read resumes from a hint
                });
                assertThat(seen).as("seed=%d from %d", seed, from).isNotEmpty();
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i)).as("seed=%d from %d", seed, from).isEqualTo(from + i);
                }
                assertThat(seen.getLast()).isLessThanOrEqualTo(upTo);
            }
        }
    }
}
