package dev.farthing.recordlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per directory: an exclusive operating-system lock on a file inside it, held until {@link #close}.
 * Two writers on one store would fork its history. The operating system drops the lock when the process dies,
 * so a kill -9 never leaves a directory stuck. A second lock on the same directory from this JVM is refused
 * like one from another process.
 */
public final class DirectoryLock implements AutoCloseable {
    /** Thrown by {@link #acquire} when another process (or another store in this JVM) holds the directory. */
    public static final class InUseException extends IllegalStateException {
        InUseException(String message) {
            super(message);
        }
    }

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code directory} if needed and locks {@code directory/lockFileName}.
     *
     * @param what how the message names the directory ("data directory", "bank connector state")
     * @throws InUseException naming the directory when another process holds it
     */
    public static DirectoryLock acquire(Path directory, String lockFileName, String what) {
        try {
            Files.createDirectories(directory);
            FileChannel ch = FileChannel.open(directory.resolve(lockFileName), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(ch);
            if (lock == null) {
                ch.close();
                throw new InUseException(what + " " + directory + " is in use by another process");
            }
            return new DirectoryLock(directory, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + what + " " + directory, e);
        }
    }

    /**
     * True when someone else holds {@code directory/lockFileName} now. The lock is tried and released at once,
     * for readers that need no lock but want to warn; false when the file does not exist or cannot be opened.
     */
    public static boolean isHeld(Path directory, String lockFileName) {
        Path lockFile = directory.resolve(lockFileName);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(ch);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Null when another process, or another channel in this JVM, holds the file. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    public Path directory() {
        return directory;
    }

    /** Releases the lock; a second call does nothing. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + directory, e);
        }
    }
}
