package dev.farthing.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.server.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The key store on disk: {@code DATA/keys.json}, holding only SHA-256 hashes. Writes are atomic (temp file,
 * fsync, rename, fsync of the directory) and serialised across processes by a lock on {@code keys.lock},
 * so a running server and {@code farthing keys create} can share one data directory.
 */
public final class KeyFile {
    public static final String FILE_NAME = "keys.json";
    private static final String LOCK_NAME = "keys.lock";
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** FileChannel locks are per process; this serialises threads of this one. */
    private static final ReentrantLock LOCAL = new ReentrantLock();

    private KeyFile() {
    }

    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    public static List<StoredKey> read(Path dataDir) {
        Path file = path(dataDir);
        try {
            return parse(MAPPER.readTree(Files.readAllBytes(file)), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Applies {@code change} to the current keys under the store lock and writes the result atomically. */
    public static List<StoredKey> update(Path dataDir, boolean mustExist, UnaryOperator<List<StoredKey>> change) {
        LOCAL.lock();
        try (FileChannel lockChannel = FileChannel.open(dataDir.resolve(LOCK_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockChannel.lock()) {
            boolean exists = Files.exists(path(dataDir));
            if (mustExist && !exists) {
                throw new IllegalStateException("data directory " + dataDir + " is not initialised (no " + FILE_NAME
                        + "); run `farthing init --data " + dataDir + "` first");
            }
            if (!mustExist && exists) {
                throw new IllegalStateException("data directory " + dataDir + " is already initialised ("
                        + path(dataDir) + " exists)");
            }
            List<StoredKey> next = change.apply(exists ? read(dataDir) : List.of());
            write(dataDir, next);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update key store in " + dataDir + ": " + e.getMessage(), e);
        } finally {
            LOCAL.unlock();
        }
    }

    private static void write(Path dataDir, List<StoredKey> keys) throws IOException {
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        createPrivate(tmp);
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(render(keys));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        try {
            Files.move(tmp, path(dataDir), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path(dataDir), StandardCopyOption.REPLACE_EXISTING);
        }
        fsyncDirectory(dataDir);
    }

    private static void createPrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms cannot open directories; the rename itself is still atomic there.
        }
    }

    private static ObjectNode render(List<StoredKey> keys) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode array = root.putArray("keys");
        for (StoredKey k : keys) {
            ObjectNode n = array.addObject();
            n.put("id", k.id());
            n.put("sha256", k.hashHex());
            n.put("role", k.role().wire());
            n.put("label", k.label());
            n.put("created_at", k.createdAt().toString());
            n.put("revoked_at", k.revokedAt() == null ? null : k.revokedAt().toString());
        }
        return root;
    }

    private static List<StoredKey> parse(JsonNode root, Path file) {
        if (root == null || root.path("version").asInt() != FORMAT_VERSION || !root.path("keys").isArray()) {
            throw new IllegalStateException("key store " + file + " is not a version " + FORMAT_VERSION + " key store");
        }
        List<StoredKey> keys = new ArrayList<>();
        for (JsonNode n : root.get("keys")) {
            String revoked = n.path("revoked_at").isTextual() ? n.get("revoked_at").asText() : null;
            keys.add(new StoredKey(n.path("id").asText(), n.path("sha256").asText(),
                    Role.fromWire(n.path("role").asText()), n.path("label").asText(""),
                    Instant.parse(n.path("created_at").asText()), revoked == null ? null : Instant.parse(revoked)));
        }
        return List.copyOf(keys);
    }
}
