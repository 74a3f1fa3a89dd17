package dev.farthing.watchtower.store;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Moves a tower directory written before the record log ({@code blobs.dat}) onto it on first start: the
 * records are copied in order (record numbers, and so the hint chains, stay the same) into
 * {@code blobs.migrating/}, renamed to {@code blobs/}, and only then is {@code blobs.dat} deleted, so a crash
 * at any point leaves a directory the next start migrates again or finishes.
 */
final class BlobStoreMigration {
    static final String LEGACY_FILE = "blobs.dat";
    private static final Logger LOG = LoggerFactory.getLogger(BlobStoreMigration.class);

    private BlobStoreMigration() {
    }

    static void migrate(Path dir, String logDir, RecordLogOptions options) {
        Path legacy = dir.resolve(LEGACY_FILE);
        if (!Files.exists(legacy)) {
            return;
        }
        try {
            if (!RecordLog.exists(dir.resolve(logDir))) {
                Path building = dir.resolve(logDir + ".migrating");
                deleteTree(building);
                int copied;
                try (RecordLog log = RecordLog.open(building, options)) {
                    copied = LegacyBlobFile.read(legacy, (r, i) -> log.append(BlobStore.BLOB, r.encode()));
                }
                AtomicFiles.rename(building, dir.resolve(logDir));
                LOG.info("Blob store {}: migrated {} blobs from {} to the record log", dir, copied, LEGACY_FILE);
            }
            Files.delete(legacy);
            AtomicFiles.syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate the blob store in " + dir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
