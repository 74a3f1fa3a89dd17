package dev.farthing.channels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The durable, replayable channel event stream ({@code events.log}, checksummed records, sequence 1, 2, 3...).
 * An event is durable before the operation that emitted it is acknowledged. Every event is kept in memory
 * (about 200 bytes each; a channel emits a handful in its life); readers long-poll for new ones.
 */
final class EventLog implements AutoCloseable {
    private final RecordFile file;
    private final List<ChannelEvent> events = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();

    EventLog(Path path, boolean fsync) {
        List<byte[]> records = new ArrayList<>();
        this.file = RecordFile.open(path, fsync, records);
        for (byte[] r : records) {
            ChannelEvent e = decode(r);
            if (e.seq() != events.size() + 1) {
                throw new CorruptChannelLogException(path, -1, "event sequence gap at " + e.seq());
            }
            events.add(e);
        }
    }

    /** Appends (durably) and returns the event with its sequence number. */
    ChannelEvent append(String type, byte[] channelId, byte[] commitment, long nonce, long windowEndsAt, long at,
                        long opSeq) {
        lock.lock();
        try {
            ChannelEvent e = new ChannelEvent(events.size() + 1, type, channelId, commitment, nonce, windowEndsAt, at,
                    opSeq);
            file.append(encode(e));
            events.add(e);
            appended.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Events with seq &gt; {@code after}, at most {@code limit}, waiting up to {@code waitMs} for the first. */
    List<ChannelEvent> read(long after, int limit, long waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        lock.lock();
        try {
            while (events.size() <= after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                appended.awaitNanos(left);
            }
            int from = (int) Math.max(0, after);
            return List.copyOf(events.subList(from, Math.min(events.size(), from + limit)));
        } finally {
            lock.unlock();
        }
    }

    /** True when an event of operation {@code opSeq} of channel {@code id} is already in the stream. */
    boolean contains(byte[] id, long opSeq) {
        lock.lock();
        try {
            for (int i = events.size() - 1; i >= 0; i--) {
                ChannelEvent e = events.get(i);
                if (e.opSeq() == opSeq && java.util.Arrays.equals(e.channelId(), id)) {
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    long lastSeq() {
        lock.lock();
        try {
            return events.size();
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
