package dev.farthing.ledger.testing;

import dev.farthing.ledger.journal.Hashing;
import dev.farthing.ledger.journal.JournalFormat;
import dev.farthing.ledger.journal.ScanResult;

import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The previous version's journal writer, copied unchanged (but for its name) from before the ledger moved onto the
 * record log: tests use it to write data directories of that version, which the ledger migrates on open.
 * Appends records to the current segment. {@link #append} only encodes into memory; {@link #commit}
 * writes everything appended since the last commit with one write and one fsync: group commit, so the
 * fsync cost is shared by every batch that arrived while the previous one was syncing.
 * Owned by one thread.
 */
public final class LegacyJournalWriter implements AutoCloseable {
    private final Path dir;
    private final long segmentBytes;
    private final boolean fsync;
    private final MessageDigest sha256 = Hashing.sha256();
    private final CRC32C crc = new CRC32C();
    private final ByteSink pending = new ByteSink(1 << 20);
    private final ByteSink payload = new ByteSink(1 << 20);
    private FileChannel segment;
    private long segmentSize;
    private long lastSequence;
    private byte[] lastHash;

    /** Opens for appending after a scan; a torn tail reported by the scan is cut off first. */
    public LegacyJournalWriter(Path dir, ScanResult scanned, long segmentBytes, boolean fsync) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.lastSequence = scanned.lastSequence();
        this.lastHash = scanned.lastHash();
        try {
            Files.createDirectories(dir);
            if (scanned.endSegment() == null) {
                openSegment(lastSequence + 1);
            } else {
                segment = FileChannel.open(scanned.endSegment(), StandardOpenOption.WRITE);
                segment.truncate(scanned.endOffset());
                segment.force(true);
                segment.position(scanned.endOffset());
                segmentSize = scanned.endOffset();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal in " + dir, e);
        }
    }

    public long lastSequence() {
        return lastSequence;
    }

    public byte[] lastHash() {
        return lastHash.clone();
    }

    /** Encodes one batch as the next record; returns its sequence. Not durable until {@link #commit}. */
    public long append(List<LedgerEvent> events, long batchTime) {
        payload.reset();
        for (LedgerEvent e : events) {
            EventCodec.encode(e, payload);
        }
        if (payload.size() > JournalFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("batch payload of " + payload.size() + " bytes exceeds the record limit");
        }
        long sequence = lastSequence + 1;
        int start = pending.size();
        pending.putInt(JournalFormat.MAGIC);
        pending.putInt(payload.size());
        pending.putLong(sequence);
        pending.putLong(batchTime);
        pending.putInt(events.size());
        pending.putBytes(lastHash, 0, JournalFormat.HASH_BYTES);
        sha256.update(lastHash);
        sha256.update(pending.array(), start, JournalFormat.HASHED_HEADER_BYTES);
        sha256.update(payload.array(), 0, payload.size());
        byte[] hash = sha256.digest();
        pending.putBytes(hash, 0, JournalFormat.HASH_BYTES);
        pending.putBytes(payload.array(), 0, payload.size());
        crc.reset();
        crc.update(pending.array(), start, pending.size() - start);
        pending.putInt((int) crc.getValue());
        lastSequence = sequence;
        lastHash = hash;
        return sequence;
    }

    /** Writes and fsyncs everything appended; rolls to a new segment first when this one is full. */
    public void commit() {
        if (pending.size() == 0) {
            return;
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(pending.array(), 0, pending.size());
            while (buf.hasRemaining()) {
                segment.write(buf);
            }
            if (fsync) {
                segment.force(false);
            }
            segmentSize += pending.size();
            pending.reset();
            if (segmentSize >= segmentBytes) {
                segment.close();
                openSegment(lastSequence + 1);
            }
        } catch (IOException e) {
            // A failed write or fsync leaves the file in an unknown state: the writer must stop (fail-stop).
            throw new UncheckedIOException("journal write failed; the ledger stops", e);
        }
    }

    private void openSegment(long firstSequence) throws IOException {
        Path file = dir.resolve(JournalFormat.segmentName(firstSequence));
        segment = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        segment.truncate(0);
        segmentSize = 0;
        if (fsync) {
            segment.force(true);
            syncDirectory(dir);
        }
    }

    public static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync directory " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            commit();
            segment.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
