package dev.farthing.recordlog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The segment being appended to. The writer thread writes and tracks {@link #size}; the sync thread forces.
 * A segment is forced before it is closed, so forcing a closed one has nothing left to do.
 */
final class Segment {
    final long base;
    final Path path;
    private final FileChannel channel;
    private boolean closed;
    long size;

    Segment(long base, Path path, long size) throws IOException {
        this.base = base;
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.WRITE);
        this.size = size;
        channel.position(size);
    }

    FileChannel channel() {
        return channel;
    }

    synchronized void force() throws IOException {
        if (!closed) {
            channel.force(false);
        }
    }

    synchronized void forceAndClose(boolean fsync) throws IOException {
        if (!closed) {
            if (fsync) {
                channel.force(false);
            }
            channel.close();
            closed = true;
        }
    }
}
