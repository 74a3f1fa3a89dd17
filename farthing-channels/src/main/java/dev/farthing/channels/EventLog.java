package dev.farthing.channels;

import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.RecordScanner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable, replayable channel event stream (a {@link RecordLog} in {@code events/}, sequence 1, 2, 3...).
 * An event is durable before the operation that emitted it is acknowledged; readers long-poll for new ones.
 * Memory is bounded whatever the log's length: the newest {@value #CACHE} events are kept in a ring, and
 * one log position per {@value #STRIDE} events (8 bytes) lets an older page be read from disk by seeking to
 * the nearest indexed event and scanning at most {@value #STRIDE} records forward.
 */
final class EventLog implements AutoCloseable {
    static final int CACHE = 4096;
    static final int STRIDE = 256;
    /** The frame type of an event record. */
    static final int EVENT = 1;
    private final Path path;
    private final RecordLog file;
    private final ChannelEvent[] recent = new ChannelEvent[CACHE];
    /** {@code sparse[k]} is the log position of event {@code k * STRIDE + 1}. */
    private long[] sparse = new long[64];
    private long last;
    /** Recovery only: which of the operations it will re-apply already have their event in the log. */
    private Set<String> recovered = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();

    /** Keys of the pending operations recovery re-applies that emit an event (see {@link #contains}). */
    static Set<String> wanted(List<ChannelJournal.Pending> pending) {
        Set<String> out = new HashSet<>();
        for (ChannelJournal.Pending p : pending) {
            if (p.event() != null) {
                out.add(key(p.after().terms().id(), p.after().opSeq()));
            }
        }
        return out;
    }

    EventLog(Path path, boolean fsync, Set<String> wanted) {
        this.path = path;
        this.file = RecordLog.open(path, RecordLogOptions.DEFAULTS.withFsync(fsync));
        try {
            file.replay(file.startPosition(), r -> {
                ChannelEvent e = decode(r.payload());
                if (e.seq() != last + 1) {
                    throw new CorruptChannelLogException(path, r.position(), "event sequence gap at " + e.seq());
                }
                remember(e, r.position());
                if (!wanted.isEmpty() && wanted.contains(key(e.channelId(), e.opSeq()))) {
                    recovered.add(key(e.channelId(), e.opSeq()));
                }
            });
        } catch (RecordLogCorruptException e) {
            file.close();
            throw new CorruptChannelLogException(e);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static String key(byte[] channelId, long opSeq) {
        return ChannelBook.key(channelId) + ":" + opSeq;
    }

    private void remember(ChannelEvent e, long offset) {
        last = e.seq();
        recent[(int) ((e.seq() - 1) % CACHE)] = e;
        if ((e.seq() - 1) % STRIDE == 0) {
            int k = Math.toIntExact((e.seq() - 1) / STRIDE);
            if (k == sparse.length) {
                sparse = java.util.Arrays.copyOf(sparse, sparse.length * 2);
            }
            sparse[k] = offset;
        }
    }

    /** Appends (durably) and returns the event with its sequence number. */
    ChannelEvent append(String type, byte[] channelId, byte[] commitment, long nonce, long windowEndsAt, long at,
                        long opSeq) {
        lock.lock();
        try {
            ChannelEvent e = new ChannelEvent(last + 1, type, channelId, commitment, nonce, windowEndsAt, at, opSeq);
            long offset = file.appendAndSync(EVENT, encode(e));
            remember(e, offset);
            appended.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Events with seq &gt; {@code after}, at most {@code limit}, waiting up to {@code waitMs} for the first. */
    List<ChannelEvent> read(long after, int limit, long waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        long from;
        long to;
        long offset;
        long offsetSeq;
        lock.lock();
        try {
            while (last <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                appended.awaitNanos(left);
            }
            from = Math.max(1, after + 1);
            to = Math.min(last, from + limit - 1);
            if (from > last - CACHE) {
                List<ChannelEvent> out = new ArrayList<>((int) (to - from + 1));
                for (long seq = from; seq <= to; seq++) {
                    out.add(recent[(int) ((seq - 1) % CACHE)]);
                }
                return out;
            }
            int k = (int) ((from - 1) / STRIDE);
            offset = sparse[k];
            offsetSeq = (long) k * STRIDE + 1;
        } finally {
            lock.unlock();
        }
        return readFromDisk(offset, offsetSeq, from, to);
    }

    /** Older events, outside the lock: scans forward from the indexed event {@code seq} at {@code position}. */
    private List<ChannelEvent> readFromDisk(long position, long seq, long from, long to) {
        List<ChannelEvent> out = new ArrayList<>((int) (to - from + 1));
        try (RecordScanner records = file.scan(position)) {
            for (; seq <= to; seq++) {
                if (!records.hasNext()) {
                    throw new CorruptChannelLogException(path, records.position(), "the log ends before event " + seq);
                }
                Record r = records.next();
                if (seq >= from) {
                    ChannelEvent e = decode(r.payload());
                    if (e.seq() != seq) {
                        throw new CorruptChannelLogException(path, r.position(), "expected event " + seq + ", found " + e.seq());
                    }
                    out.add(e);
                }
            }
        } catch (RecordLogCorruptException e) {
            throw new CorruptChannelLogException(e);
        }
        return out;
    }

    /**
     * True when an event of operation {@code opSeq} of channel {@code id} is already in the stream: during
     * recovery, for the operations it was told about at open, or among the recent events.
     */
    boolean contains(byte[] id, long opSeq) {
        lock.lock();
        try {
            if (recovered.contains(key(id, opSeq))) {
                return true;
            }
            for (long seq = last; seq > Math.max(0, last - CACHE); seq--) {
                ChannelEvent e = recent[(int) ((seq - 1) % CACHE)];
                if (e.opSeq() == opSeq && java.util.Arrays.equals(e.channelId(), id)) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Recovery is over: the keys it needed are dropped. */
    void recoveryDone() {
        lock.lock();
        try {
            recovered = Set.of();
        } finally {
            lock.unlock();
        }
    }

    long lastSeq() {
        lock.lock();
        try {
            return last;
        } finally {
            lock.unlock();
        }
    }

    private static byte[] encode(ChannelEvent e) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeLong(e.seq());
            out.writeUTF(e.type());
            out.write(e.channelId());
            out.writeShort(e.commitment() == null ? -1 : e.commitment().length);
            if (e.commitment() != null) {
                out.write(e.commitment());
            }
            out.writeLong(e.nonce());
            out.writeLong(e.windowEndsAt());
            out.writeLong(e.at());
            out.writeLong(e.opSeq());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buf.toByteArray();
    }

    private static ChannelEvent decode(byte[] r) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(r))) {
            long seq = in.readLong();
            String type = in.readUTF();
            byte[] id = in.readNBytes(32);
            short n = in.readShort();
            byte[] commitment = n < 0 ? null : in.readNBytes(n);
            return new ChannelEvent(seq, type, id, commitment, in.readLong(), in.readLong(), in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable channel event", e);
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
