package dev.farthing.ledger.journal;

import dev.farthing.ledger.snapshot.SnapshotFile;
import dev.farthing.recordlog.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Moves a data directory of the previous version ({@code journal/journal-*.log} + {@code snapshots/}) onto the
 * record log ({@code ledger-log/}) on first start. Every batch is read and proven by the old reader, re-encoded as
 * record-log frames with the same sequence, time and hash (checked: the chain is the same bytes), and each old
 * snapshot becomes a record-log snapshot tied to the end of its batch; all of it is built in
 * {@code ledger-log.migrating/}, made durable, and renamed to {@code ledger-log/} in one step (the commit point).
 * The old files are then renamed to {@code journal.migrated/} and {@code snapshots.migrated/}, kept for the operator
 * to delete. A crash before the rename leaves the old layout, and the next start discards the work directory and
 * migrates again; after it, the new layout, and the next start only moves the old files aside. The transfer index
 * is keyed by batch sequence, which the migration keeps, so it stays.
 */
public final class LegacyJournalMigration {
    public static final String OLD_JOURNAL = "journal";
    public static final String OLD_SNAPSHOTS = "snapshots";
    public static final String MIGRATED_SUFFIX = ".migrated";
    static final String WORK_DIR = LedgerLog.DIR + ".migrating";
    private static final Logger LOG = LoggerFactory.getLogger(LegacyJournalMigration.class);
    private static final int MAX_IN_FLIGHT = 256;

    private LegacyJournalMigration() {
    }

    /** True when {@code dataDir} holds a journal of the previous format. */
    public static boolean hasLegacyJournal(Path dataDir) {
        return !LegacyJournalReader.segments(dataDir.resolve(OLD_JOURNAL)).isEmpty();
    }

    /** Migrates {@code dataDir} when it holds a journal of the previous format; returns whether it did. */
    public static boolean migrateIfNeeded(Path dataDir, boolean fsync, long segmentBytes) {
        Path logDir = dataDir.resolve(LedgerLog.DIR);
        if (!hasLegacyJournal(dataDir)) {
            if (Files.exists(dataDir.resolve(OLD_JOURNAL + MIGRATED_SUFFIX)) && Files.exists(dataDir.resolve(OLD_SNAPSHOTS))
                    && LedgerLog.exists(logDir)) {
                moveAside(dataDir); // stopped between moving the old journal and the old snapshots aside
            }
            return false;
        }
        if (LedgerLog.exists(logDir)) {
            // Only a migration makes both: it stopped after its commit point, before moving the old files aside.
            LOG.warn("the ledger journal in {} was migrated to {}; moving the old files aside", dataDir, logDir);
            moveAside(dataDir);
            return false;
        }
        Path work = dataDir.resolve(WORK_DIR);
        deleteTree(work);
        long started = System.nanoTime();
        long batches = build(dataDir, work, fsync, segmentBytes);
        AtomicFiles.rename(work, logDir); // the commit point
        moveAside(dataDir);
        LOG.info("ledger journal in {}: migrated {} batches onto the record log {} in {} ms; the old files are kept in"
                        + " {}{} and {}{} and may be deleted", dataDir, batches, logDir, (System.nanoTime() - started) / 1_000_000,
                OLD_JOURNAL, MIGRATED_SUFFIX, OLD_SNAPSHOTS, MIGRATED_SUFFIX);
        return true;
    }

    private static long build(Path dataDir, Path work, boolean fsync, long segmentBytes) {
        TreeMap<Long, SnapshotFile.Loaded> snapshots = oldSnapshots(dataDir.resolve(OLD_SNAPSHOTS));
        Map<Long, CompletableFuture<long[]>> snapshotBatches = new HashMap<>();
        Deque<CompletableFuture<long[]>> inFlight = new ArrayDeque<>();
        try (LedgerLog log = LedgerLog.open(work, fsync, segmentBytes)) {
            BatchEncoder encoder = new BatchEncoder(0, LedgerFrames.GENESIS_HASH);
            ScanResult scanned = new LegacyJournalReader(dataDir.resolve(OLD_JOURNAL)).scan(0, null, true, batch -> {
                BatchEncoder.Encoded encoded = encoder.encode(batch.events(), batch.batchTime());
                if (encoded.sequence() != batch.sequence() || !Arrays.equals(encoded.hash(), batch.hash())) {
                    throw new IllegalStateException("migrating batch " + batch.sequence() + " would change its hash;"
                            + " the old journal is left as it is");
                }
                CompletableFuture<long[]> appended = log.append(encoded);
                inFlight.add(appended);
                if (snapshots.containsKey(batch.sequence())) {
                    snapshotBatches.put(batch.sequence(), appended);
                }
                if (inFlight.size() > MAX_IN_FLIGHT) {
                    inFlight.removeFirst().join();
                }
            });
            inFlight.forEach(CompletableFuture::join);
            if (scanned.hasTornTail()) {
                LOG.warn("old ledger journal {}: a torn tail of {} bytes at offset {} (never acknowledged) was not migrated",
                        scanned.endSegment(), scanned.tornBytes(), scanned.endOffset());
            }
            for (SnapshotFile.Loaded s : snapshots.values()) {
                if (s.sequence() > scanned.lastSequence()) {
                    throw new CorruptionException(s.file(), 0, "the old journal ends at batch " + scanned.lastSequence()
                            + " but this snapshot covers batch " + s.sequence() + "; nothing was migrated");
                }
                long position = s.sequence() == 0 ? log.startPosition()
                        : log.positionAfter(last(snapshotBatches.get(s.sequence()).join()));
                byte[] state = new byte[s.state().remaining()];
                s.state().duplicate().get(state);
                log.writeSnapshot(position, s.sequence(), s.chainHash(), state);
            }
            return scanned.lastSequence();
        }
    }

    private static long last(long[] positions) {
        return positions[positions.length - 1];
    }

    /**
     * The old snapshots by batch. The newest must be sound (the previous version would not start without it); a
     * damaged older one is left behind with a warning, as the previous version never read it.
     */
    private static TreeMap<Long, SnapshotFile.Loaded> oldSnapshots(Path dir) {
        TreeMap<Long, SnapshotFile.Loaded> bySequence = new TreeMap<>();
        List<Path> files = SnapshotFile.list(dir);
        for (int i = 0; i < files.size(); i++) {
            try {
                SnapshotFile.Loaded s = SnapshotFile.load(files.get(i));
                bySequence.put(s.sequence(), s);
            } catch (CorruptionException e) {
                if (i == files.size() - 1) {
                    throw e;
                }
                LOG.warn("old snapshot {} is damaged and is not migrated: {}", files.get(i), e.getMessage());
            }
        }
        return bySequence;
    }

    private static void moveAside(Path dataDir) {
        for (String name : List.of(OLD_JOURNAL, OLD_SNAPSHOTS)) {
            Path old = dataDir.resolve(name);
            if (Files.exists(old)) {
                Path aside = dataDir.resolve(name + MIGRATED_SUFFIX);
                deleteTree(aside);
                AtomicFiles.rename(old, aside);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
