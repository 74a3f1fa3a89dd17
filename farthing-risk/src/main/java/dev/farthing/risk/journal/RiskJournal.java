package dev.farthing.risk.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The append-only risk journal. {@link #open} replays every intact record to a sink and truncates a torn
 * tail; {@link #append} only encodes into memory; {@link #commit} writes all appended records with one write
 * and one fsync (group commit; records whose loss is harmless skip the fsync). Owned by one thread (the risk engine's decision thread).
 */
public final class RiskJournal implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final boolean fsync;
    private final ByteWriter pending = new ByteWriter(64 * 1024);
    private final CRC32C crc = new CRC32C();
    private final JournalScan.Result recovered;
    /** False while everything pending may be lost in a crash without harm (see {@link #append}). */
    private boolean syncNeeded;
    /** Records appended but not yet written, for the commit listener. */
    private final List<RiskRecord> pendingRecords = new ArrayList<>();
    private long appendedRecords;
    /** Volatile: read by tests and health checks on other threads. */
    private volatile JournalPosition committed;
    private int lastCrc;
    private CommitListener listener = (records, after) -> { };

    /** Told, on the journal's thread, of each commit's records once they are written (and fsynced when due). */
    @FunctionalInterface
    public interface CommitListener {
        void committed(List<RiskRecord> records, JournalPosition after);
    }

    private RiskJournal(Path file, FileChannel channel, boolean fsync, JournalScan.Result recovered,
                        JournalPosition end) {
        this.file = file;
        this.channel = channel;
        this.fsync = fsync;
        this.recovered = recovered;
        this.committed = end;
        this.appendedRecords = end.records();
        this.lastCrc = end.crc();
    }

    /** Opens (creating) the journal in {@code dir}, delivering every intact record to {@code replay} first. */
    public static RiskJournal open(Path dir, boolean fsync, Consumer<RiskRecord> replay) {
        return openWithPositions(dir, fsync, (record, after) -> replay.accept(record));
    }

    /** As {@link #open(Path, boolean, Consumer)}, telling the sink where each record ends. */
    public static RiskJournal openWithPositions(Path dir, boolean fsync, JournalScan.Sink replay) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(JournalFormat.FILE_NAME);
            JournalPosition[] last = {JournalPosition.START};
            JournalScan.Result scan = JournalScan.scanWithPositions(file, (record, after) -> {
                replay.accept(record, after);
                last[0] = after;
            });
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            if (scan.tornBytes() > 0) {
                ch.truncate(scan.endOffset());
                ch.force(true);
                System.getLogger(RiskJournal.class.getName()).log(System.Logger.Level.WARNING,
                        "risk journal {0}: truncated a torn tail of {1} bytes at offset {2}",
                        file, scan.tornBytes(), scan.endOffset());
            }
            ch.position(scan.endOffset());
            return new RiskJournal(file, ch, fsync, scan, last[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the risk journal in " + dir, e);
        }
    }

    /** What opening found: records replayed, torn bytes truncated. */
    public JournalScan.Result recovered() {
        return recovered;
    }

    /** The journal file a journal opened in {@code dir} uses. */
    public static Path fileIn(Path dir) {
        return dir.resolve(JournalFormat.FILE_NAME);
    }

    /** The file this journal appends to. */
    public Path file() {
        return file;
    }

    public void onCommit(CommitListener listener) {
        this.listener = listener;
    }

    /** Records in the journal, counting those appended and not yet committed. */
    public long appendedRecords() {
        return appendedRecords;
    }

    /** The position after the last committed record. */
    public JournalPosition committed() {
        return committed;
    }

    public void append(RiskRecord record) {
        int start = pending.size();
        pending.i32(JournalFormat.MAGIC);
        pending.i32(0);
        RecordCodec.write(pending, record);
        int payload = pending.size() - start - JournalFormat.HEADER_BYTES;
        if (payload > JournalFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("risk record of " + payload + " bytes is too large");
        }
        pending.putIntAt(start + 4, payload);
        crc.reset();
        crc.update(pending.array(), start, pending.size() - start);
        lastCrc = (int) crc.getValue();
        pending.i32(lastCrc);
        pendingRecords.add(record);
        appendedRecords++;
        // A lost LedgerApplied only makes the next start re-send legs the ledger already has (an idempotent
        // repeat), so it rides along with the next fsync instead of forcing one of its own.
        syncNeeded |= !(record instanceof RiskRecord.LedgerApplied);
    }

    public boolean hasPending() {
        return pending.size() > 0;
    }

    /** Writes and (when configured) fsyncs everything appended; a failure here is fatal to the engine. */
    public void commit() {
        if (pending.size() == 0) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(pending.array(), 0, pending.size());
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            if (fsync && syncNeeded) {
                channel.force(false);
            }
            syncNeeded = false;
            committed = new JournalPosition(appendedRecords, committed.endOffset() + pending.size(), lastCrc);
            pending.reset();
            List<RiskRecord> done = List.copyOf(pendingRecords);
            pendingRecords.clear();
            listener.committed(done, committed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the risk journal " + file, e);
        }
    }

    /** Makes everything written so far durable (any thread: a snapshot must never be ahead of the durable journal). */
    public void force() {
        if (!fsync) {
            return;
        }
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync the risk journal " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            commit();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
