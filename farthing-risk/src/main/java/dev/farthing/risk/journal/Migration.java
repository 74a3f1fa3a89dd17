package dev.farthing.risk.journal;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.RecordLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Moves a risk data directory of the previous format ({@code journal/risk-journal.log}, one file) onto the record
 * log ({@code log/}) on first start: every intact record is copied, in order, into {@code log.migrating/}, made
 * durable, and that directory renamed to {@code log/} in one step; the old journal is then renamed to
 * {@code journal.migrated/} (kept for the operator to delete) and the payment index, whose positions were offsets in
 * the old file, is deleted to be rebuilt from the new log. A crash part-way leaves the old journal in place and
 * a {@code log.migrating/} that the next start discards and redoes.
 */
final class Migration {
    static final String OLD_DIR = "journal";
    static final String MIGRATED_DIR = "journal.migrated";
    private static final String WORK_DIR = "log.migrating";
    private static final int CHUNK = 1024;
    private static final System.Logger LOG = System.getLogger(Migration.class.getName());

    private Migration() {
    }

    /** Migrates {@code riskDir} when it holds an old journal and no record log yet; returns whether it did. */
    static boolean migrateIfNeeded(Path riskDir, boolean fsync) {
        Path old = riskDir.resolve(OLD_DIR).resolve(JournalFormat.FILE_NAME);
        Path logDir = riskDir.resolve(RiskJournal.LOG_DIR);
        if (!Files.exists(old)) {
            return false;
        }
        if (RecordLog.exists(logDir)) {
            // Only a migration makes both: it crashed after its commit point (the rename into log/), before moving
            // the old journal aside.
            LOG.log(System.Logger.Level.WARNING, "risk journal {0} was migrated to {1}; moving the old journal aside", old, logDir);
            moveOldAside(riskDir);
            return false;
        }
        Path work = riskDir.resolve(WORK_DIR);
        deleteTree(work);
        long records;
        try (RecordLog log = RecordLog.open(work, RiskJournal.options(fsync))) {
            List<Entry> chunk = new ArrayList<>(CHUNK);
            List<CompletableFuture<long[]>> written = new ArrayList<>();
            JournalScan.Result scanned = JournalScan.scan(old, (payload, record) -> {
                chunk.add(new Entry(payload[0] & 0xff, payload));
                if (chunk.size() == CHUNK) {
                    written.add(log.appendBatch(List.copyOf(chunk)));
                    chunk.clear();
                    if (written.size() > 64) {
                        written.removeFirst().join(); // bounded: the log's queue holds the rest
                    }
                }
            });
            if (!chunk.isEmpty()) {
                written.add(log.appendBatch(List.copyOf(chunk)));
            }
            written.forEach(CompletableFuture::join);
            records = scanned.records();
            if (scanned.tornBytes() > 0) {
                LOG.log(System.Logger.Level.WARNING, "risk journal {0}: a torn tail of {1} bytes at offset {2} was not migrated",
                        old, scanned.tornBytes(), scanned.endOffset());
            }
        }
        try {
            PaymentIndex.delete(riskDir.resolve("index")); // its positions are offsets in the old file
            Files.move(work, logDir, StandardCopyOption.ATOMIC_MOVE); // the commit point
            AtomicFiles.syncDirectory(riskDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish migrating the risk journal in " + riskDir, e);
        }
        moveOldAside(riskDir);
        LOG.log(System.Logger.Level.INFO, "risk journal {0}: migrated {1} records onto the record log {2}; the old"
                + " journal is kept in {3} and may be deleted", old, records, logDir, riskDir.resolve(MIGRATED_DIR));
        return true;
    }

    private static void moveOldAside(Path riskDir) {
        Path migrated = riskDir.resolve(MIGRATED_DIR);
        deleteTree(migrated);
        try {
            Files.move(riskDir.resolve(OLD_DIR), migrated, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the migrated risk journal aside in " + riskDir, e);
        }
        AtomicFiles.syncDirectory(riskDir);
    }

    private static void deleteTree(Path dir) {
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
