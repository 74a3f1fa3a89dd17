package dev.farthing.ledger.index;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TransferIndexTest {
    @TempDir
    Path dir;

    private static TransferView transfer(String id, String from, String to, long timestamp) {
        return new TransferView(id, from, to, 1, "USD", null, null, Map.of(), 0, timestamp, TransferStatus.POSTED, 1, 0, 0);
    }

    /** Per-account runs of random sizes, listed with random page sizes and cursors, equal a brute-force listing. */
    @Test
    void listingAcrossRunsMatchesNewestFirstOrder() {
        long seed = Seeds.seed("TransferIndexTest.listingAcrossRunsMatchesNewestFirstOrder");
        Random random = new Random(seed);
        String[] accounts = {"hot", "a1", "a2", "a3", "a4"};
        Map<String, List<TransferView>> byAccount = new HashMap<>();
        try (TransferIndex index = new TransferIndex(dir)) {
            long timestamp = 1_000;
            for (int write = 1; write <= 60; write++) {
                List<LedgerEvent> events = new ArrayList<>();
                for (int i = random.nextInt(1, 40); i > 0; i--) {
                    String from = accounts[random.nextInt(accounts.length)];
                    String to = random.nextInt(3) == 0 ? "hot" : accounts[random.nextInt(accounts.length)];
                    if (from.equals(to)) {
                        continue;
                    }
                    timestamp += random.nextInt(1, 5);
                    TransferView t = transfer("t" + timestamp, from, to, timestamp);
                    events.add(new TransferCommitted(t));
                    byAccount.computeIfAbsent(from, a -> new ArrayList<>()).addFirst(t);
                    byAccount.computeIfAbsent(to, a -> new ArrayList<>()).addFirst(t);
                }
                if (!events.isEmpty()) {
                    index.write(events, write, timestamp);
                }
            }
            for (String account : accounts) {
                List<TransferView> expected = byAccount.getOrDefault(account, List.of());
                List<TransferView> listed = new ArrayList<>();
                long before = Long.MAX_VALUE;
                while (true) {
                    int limit = random.nextInt(1, 25);
                    List<TransferView> page = index.listAccount(account, before, limit);
                    assertThat(page.size()).isLessThanOrEqualTo(limit);
                    listed.addAll(page);
                    if (page.size() < limit) {
                        break;
                    }
                    before = page.getLast().timestamp();
                }
                assertThat(listed).as(account).isEqualTo(expected);
                // A cursor inside a run starts exactly after it.
                if (expected.size() > 3) {
                    int at = random.nextInt(expected.size() - 1);
                    assertThat(index.listAccount(account, expected.get(at).timestamp(), 1000))
                            .isEqualTo(expected.subList(at + 1, expected.size()));
                }
            }
        }
    }

    /** A crash can lose the index's position but keep its entries: re-indexing those batches adds no second copy. */
    @Test
    void reindexingABatchIsIdempotent() {
        try (TransferIndex index = new TransferIndex(dir)) {
            List<LedgerEvent> first = List.of(new TransferCommitted(transfer("a", "x", "y", 10)),
                    new TransferCommitted(transfer("b", "x", "y", 11)));
            List<LedgerEvent> second = List.of(new TransferCommitted(transfer("c", "x", "y", 12)));
            index.writeBatches(List.of(first, second), 2, 12); // the pipeline: several batches per write
            index.write(List.of(), 0, 0);                       // position lost
            index.write(first, 1, 11);                          // recovery: one journal batch at a time
            index.write(second, 2, 12);
            assertThat(index.listAccount("x", Long.MAX_VALUE, 100)).extracting(TransferView::id).containsExactly("c", "b", "a");
        }
    }

    @Test
    void anIndexOfTheOldLayoutIsEmptiedForRebuildAndAFilterProvesNewIds() throws Exception {
        try (Options o = new Options().setCreateIfMissing(true); RocksDB old = RocksDB.open(o, dir.toString())) {
            // Layout 1: no version key, one entry per transfer side.
            old.put("ta".getBytes(StandardCharsets.UTF_8), new byte[]{1});
            old.put(new byte[]{'m'}, ByteBuffer.allocate(16).putLong(7).putLong(9).array());
        }
        try (TransferIndex index = new TransferIndex(dir)) {
            assertThat(index.rebuiltForLayout()).isTrue();
            assertThat(index.position()).isEqualTo(new TransferIndex.Position(0, 0));
            index.write(List.of(new TransferCommitted(transfer("x1", "a", "b", 5))), 1, 5);
        }
        try (TransferIndex index = new TransferIndex(dir)) {
            assertThat(index.rebuiltForLayout()).isFalse();
            assertThat(index.get("x1")).isNotNull();
            IdFilter filter = new IdFilter();
            index.forEachTransferId(filter, () -> false);
            assertThat(filter.mightContain("x1")).isTrue();
            int falsePositives = 0;
            for (int i = 0; i < 10_000; i++) {
                falsePositives += filter.mightContain("y" + i) ? 1 : 0;
            }
            assertThat(falsePositives).isZero();
        }
    }
}
