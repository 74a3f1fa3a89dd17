package dev.farthing.channels;

import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.SealedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Moves a channel directory written before the record log ({@code channels.snap}, {@code channels.log},
 * {@code events.log}, closed-channel files in the old record format) onto it, on first start. Each store is
 * built beside its target ({@code *.migrating}) and renamed into place, and the old files are deleted only
 * after all three are in place, so a crash at any point leaves a directory the next start migrates again
 * or finishes.
 */
final class ChannelStoreMigration {
    static final String JOURNAL = "journal";
    static final String EVENTS = "events";
    private static final Logger LOG = LoggerFactory.getLogger(ChannelStoreMigration.class);
    private static final byte LEGACY_META = 0x4d;

    private ChannelStoreMigration() {
    }

    static void migrate(Path dir) {
        Path oldSnap = dir.resolve("channels.snap");
        Path oldLog = dir.resolve("channels.log");
        Path oldEvents = dir.resolve("events.log");
        try {
            Files.createDirectories(dir);
            boolean legacy = Files.exists(oldSnap) || Files.exists(oldLog) || Files.exists(oldEvents);
            if (!legacy) {
                return;
            }
            LOG.info("migrating the channel store in {} to the record log format", dir);
            if (!RecordLog.exists(dir.resolve(JOURNAL))) {
                build(dir, JOURNAL, log -> {
                    long nextNumber = 1;
                    List<byte[]> channels = new ArrayList<>();
                    for (byte[] r : LegacyRecordFile.readStrict(oldSnap)) {
                        if (r[0] == LEGACY_META) {
                            nextNumber = ByteBuffer.wrap(r, 1, Long.BYTES).getLong();
                        } else {
                            channels.add(r);
                        }
                    }
                    long next = nextNumber;
                    log.writeSnapshot(log.startPosition(), out -> ChannelJournal.writeSnapshot(out, next, channels));
                    if (Files.exists(oldLog)) {
                        for (byte[] r : LegacyRecordFile.readLog(oldLog)) {
                            log.append(r[0], r);
                        }
                    }
                });
            }
            if (!RecordLog.exists(dir.resolve(EVENTS))) {
                build(dir, EVENTS, log -> {
                    if (Files.exists(oldEvents)) {
                        for (byte[] r : LegacyRecordFile.readLog(oldEvents)) {
                            log.append(EventLog.EVENT, r);
                        }
                    }
                });
            }
            int closed = migrateClosed(ClosedChannels.closedDir(dir));
            Files.deleteIfExists(oldSnap);
            Files.deleteIfExists(oldLog);
            Files.deleteIfExists(oldEvents);
            AtomicFiles.syncDirectory(dir);
            LOG.info("channel store in {} migrated ({} closed-channel files rewritten)", dir, closed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot migrate the channel store in " + dir, e);
        }
    }

    private interface Filler {
        void fill(RecordLog log) throws IOException;
    }

    /** Builds {@code name.migrating}, then renames it to {@code name}: the store appears whole or not at all. */
    private static void build(Path dir, String name, Filler filler) throws IOException {
        Path building = dir.resolve(name + ".migrating");
        deleteTree(building);
        try (RecordLog log = RecordLog.open(building, RecordLogOptions.DEFAULTS)) {
            filler.fill(log);
        }
        AtomicFiles.rename(building, dir.resolve(name));
    }

    /** Rewrites closed-channel files still in the old format; returns how many. */
    private static int migrateClosed(Path closedDir) throws IOException {
        if (!Files.isDirectory(closedDir)) {
            return 0;
        }
        int rewritten = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(closedDir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !AtomicFiles.isTemporary(f)).toList();
        }
        for (Path f : files) {
            if (f.getFileName().toString().endsWith(".tmp")) {
                Files.delete(f); // the old writer's temporary
                continue;
            }
            if (!SealedFile.looksSealed(f)) {
                List<byte[]> records = LegacyRecordFile.readStrict(f);
                if (records.size() != 1) {
                    throw new CorruptChannelLogException(f, 0, "a closed-channel file holds exactly one record");
                }
                SealedFile.write(f, List.of(new Entry(ClosedChannels.CLOSED, records.getFirst())));
                rewritten++;
            }
        }
        return rewritten;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
