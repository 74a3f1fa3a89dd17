package dev.farthing.recordlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit on two threads. Appenders put into a bounded queue; the writer thread takes everything
 * queued (up to {@code maxGroupBytes}), assigns positions, writes it with one write and hands the group to
 * the sync thread, which forces once for all groups waiting and only then completes their futures. While
 * one group is being forced the next is being written, so an fsync is shared by everything that arrived
 * during the previous one. An I/O failure stops the log (fail-stop): every pending and later append fails.
 */
final class GroupCommitter {
    /** One append: a single frame or an atomic batch. */
    static final class Pending {
        final int[] types;
        final byte[][] stored;
        final long bytes;
        final CompletableFuture<Long> single;
        final CompletableFuture<long[]> batch;
        final long[] positions;

        Pending(int[] types, byte[][] stored, CompletableFuture<Long> single, CompletableFuture<long[]> batch) {
            this.types = types;
            this.stored = stored;
            this.single = single;
            this.batch = batch;
            this.positions = new long[types.length];
            long b = 0;
            for (byte[] s : stored) {
                b += RecordFormat.frameBytes(s.length);
            }
            this.bytes = b;
        }

        void complete() {
            if (single != null) {
                single.complete(positions[0]);
            } else {
                batch.complete(positions);
            }
        }

        void fail(Throwable t) {
            if (single != null) {
                single.completeExceptionally(t);
            } else {
                batch.completeExceptionally(t);
            }
        }
    }

    /** How a group is made durable; tests substitute one that holds the sync thread back. */
    @FunctionalInterface
    interface Forcer {
        void force(Segment segment) throws IOException;
    }

    private record Group(Segment segment, long end, List<Pending> pendings) {
    }

    private static final Group STOP = new Group(null, 0, List.of());
    /** Wakes the writer on close so it need not wait out its poll. */
    private static final Pending WAKE = new Pending(new int[0], new byte[0][], new CompletableFuture<>(), null);

    private final Segments segments;
    private final RecordLogOptions options;
    private final Forcer forcer;
    private final ArrayBlockingQueue<Pending> queue;
    private final ArrayBlockingQueue<Group> toSync = new ArrayBlockingQueue<>(64);
    private final Thread writer;
    private final Thread syncer;
    private ByteBuffer buffer;
    /** The writer thread's checksum object, reused for every frame. */
    private final java.util.zip.CRC32C frameCrc = new java.util.zip.CRC32C();
    private Segment current;
    private volatile long durableEnd;
    private volatile boolean closing;
    private volatile Throwable failure;

    GroupCommitter(Segments segments, Segment current, long end, RecordLogOptions options, Forcer forcer) {
        this.segments = segments;
        this.forcer = forcer;
        this.options = options;
        this.current = current;
        this.durableEnd = end;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.buffer = ByteBuffer.allocate(Math.min(options.maxGroupBytes(), 1 << 20) + (1 << 16));
        String name = segments.dir.getFileName() == null ? "recordlog" : segments.dir.getFileName().toString();
        this.writer = Thread.ofPlatform().daemon().name("recordlog-write-" + name).unstarted(this::writeLoop);
        this.syncer = Thread.ofPlatform().daemon().name("recordlog-sync-" + name).unstarted(this::syncLoop);
        writer.start();
        syncer.start();
    }

    long durableEnd() {
        return durableEnd;
    }

    /** Enqueues, blocking for at most the offer timeout; throws {@link RecordLogFullException} past it. */
    void submit(Pending p) {
        checkUsable();
        boolean queued;
        try {
            long timeout = options.offerTimeout().toNanos();
            queued = timeout == 0 ? queue.offer(p) : queue.offer(p, timeout, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordLogFullException("interrupted while waiting for room in the record log queue");
        }
        if (!queued) {
            throw new RecordLogFullException("record log queue full (" + options.queueCapacity() + " appends) for "
                    + options.offerTimeout().toMillis() + " ms in " + segments.dir);
        }
        // Closed or failed while we were queueing: whoever removes it first fails it.
        if ((closing || failure != null) && queue.remove(p)) {
            p.fail(unusable());
        }
    }

    private void checkUsable() {
        if (closing || failure != null) {
            throw unusable();
        }
    }

    private IllegalStateException unusable() {
        Throwable f = failure;
        return f != null ? new IllegalStateException("record log in " + segments.dir + " stopped after a failure", f)
                : new IllegalStateException("record log in " + segments.dir + " is closed");
    }

    private void writeLoop() {
        List<Pending> group = new ArrayList<>();
        try {
            while (failure == null) {
                Pending first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == WAKE) {
                    first = queue.poll();
                }
                if (first == null) {
                    if (closing) {
                        break;
                    }
                    continue;
                }
                group.add(first);
                long bytes = first.bytes;
                Pending p;
                while (bytes < options.maxGroupBytes() && (p = queue.poll()) != null) {
                    if (p == WAKE) {
                        continue;
                    }
                    group.add(p);
                    bytes += p.bytes;
                }
                writeGroup(group);
                group = new ArrayList<>();
            }
        } catch (Throwable t) {
            fail(t);
            group.forEach(g -> g.fail(unusable()));
        } finally {
            if (failure != null) {
                Pending p;
                while ((p = queue.poll()) != null) {
                    if (p != WAKE) {
                        p.fail(unusable());
                    }
                }
            }
            handOver(STOP);
        }
    }

    private void writeGroup(List<Pending> group) throws IOException, InterruptedException {
        List<Pending> part = new ArrayList<>(group.size());
        buffer.clear();
        for (Pending p : group) {
            long used = current.size + buffer.position();
            if (used + p.bytes > options.segmentBytes() && used > RecordFormat.SEGMENT_HEADER_BYTES) {
                flush();
                Segment full = current;
                roll();
                // Positions name the start of the next frame, so the end of a full segment is its successor's first.
                handOver(new Group(full, current.base + RecordFormat.SEGMENT_HEADER_BYTES, part));
                part = new ArrayList<>(group.size());
            }
            ensureRoom(p.bytes);
            long position = current.base + current.size + buffer.position();
            for (int i = 0; i < p.types.length; i++) {
                int flags = i + 1 < p.types.length ? RecordFormat.FLAG_BATCH_CONTINUES : 0;
                p.positions[i] = position;
                RecordFormat.putFrame(buffer, p.types[i], flags, p.stored[i], frameCrc);
                position += RecordFormat.frameBytes(p.stored[i].length);
            }
            part.add(p);
        }
        flush();
        handOver(new Group(current, current.base + current.size, part));
    }

    private void ensureRoom(long bytes) {
        if (buffer.remaining() < bytes) {
            long wanted = buffer.position() + bytes;
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("an append of " + bytes + " bytes is too large");
            }
            ByteBuffer bigger = ByteBuffer.allocate((int) Math.max(wanted, Math.min(Integer.MAX_VALUE - 8, 2L * buffer.capacity())));
            buffer.flip();
            bigger.put(buffer);
            buffer = bigger;
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            current.size += current.channel().write(buffer);
        }
        buffer.clear();
    }

    private void roll() throws IOException {
        // The old segment is made durable before its successor exists, so only the last one can be torn.
        current.forceAndClose(options.fsync(), options.durability());
        long base = current.base + current.size;
        current = new Segment(base, segments.create(base), RecordFormat.SEGMENT_HEADER_BYTES);
    }

    private void handOver(Group g) {
        try {
            while (!toSync.offer(g, 20, TimeUnit.MILLISECONDS)) {
                if (failure != null && g != STOP) {
                    g.pendings.forEach(p -> p.fail(unusable()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    private void syncLoop() {
        List<Group> groups = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                groups.add(toSync.take());
                toSync.drainTo(groups);
                Segment forced = null;
                for (Group g : groups) {
                    if (g == STOP) {
                        stop = true;
                    } else if (options.fsync() && g.segment != forced && failure == null) {
                        forcer.force(g.segment);
                        forced = g.segment;
                    }
                }
                for (Group g : groups) {
                    if (g == STOP) {
                        continue;
                    }
                    if (failure != null) {
                        g.pendings.forEach(p -> p.fail(unusable()));
                    } else {
                        durableEnd = g.end;
                        g.pendings.forEach(Pending::complete);
                    }
                }
            } catch (Throwable t) {
                fail(t);
                groups.forEach(g -> g.pendings.forEach(p -> p.fail(unusable())));
            }
            groups.clear();
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** Writes and syncs everything queued, stops both threads, fails appends that raced with the close. */
    void close() throws IOException {
        closing = true;
        queue.offer(WAKE);
        try {
            writer.join();
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p != WAKE) {
                p.fail(unusable());
            }
        }
        current.forceAndClose(options.fsync() && failure == null, options.durability());
    }
}
