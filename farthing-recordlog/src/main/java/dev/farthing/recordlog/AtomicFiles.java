package dev.farthing.recordlog;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way Farthing replaces a file: write a temporary file beside it, fsync it, rename it over the
 * target atomically, fsync the directory. A crash leaves either the old file or the new one, never a mix;
 * at worst a stray temporary ({@code .<name>.<random>.tmp}), which {@link #deleteStaleTemporaries} removes.
 */
public final class AtomicFiles {
    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Owner read/write only: for keys and other secrets. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes), null);
    }

    /** Replaces {@code target} with {@code bytes}, the temporary created with {@code permissions} (null: default). */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions) {
        write(target, out -> out.write(bytes), permissions);
    }

    public static void write(Path target, Content content) {
        write(target, content, null);
    }

    /**
     * Replaces {@code target} with what {@code content} writes; {@code permissions} (may be null: the default)
     * are set on the temporary file when it is created, so a secret is never readable by others, not even
     * briefly. Creates missing parent directories.
     */
    public static void write(Path target, Content content, Set<PosixFilePermission> permissions) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            FileAttribute<?>[] attributes = permissions != null && supportsPosix(dir)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(temp, options, attributes)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(temp, absolute);
            syncDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace " + target + " atomically", e);
        }
    }

    /** Makes a directory's entries (new, renamed, deleted files) durable. */
    public static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (FileSystemException e) {
            // Some platforms (Windows) cannot open a directory; their renames are durable on their own.
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw new UncheckedIOException("cannot fsync directory " + dir, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync directory " + dir, e);
        }
    }

    /** True for a temporary this class leaves when a crash interrupts a write. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    /** Deletes temporaries left in {@code dir} by interrupted writes; returns how many. */
    public static int deleteStaleTemporaries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (isTemporary(f) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean temporaries in " + dir, e);
        }
        return deleted;
    }

    private static boolean supportsPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting.
        }
    }
}
