package dev.farthing.server.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.recordlog.AtomicFiles;
import dev.farthing.server.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(render(keys));
        Files.deleteIfExists(dataDir.resolve(FILE_NAME + ".tmp")); // the previous writer's temporary, if a crash left one
        AtomicFiles.write(path(dataDir), bytes, AtomicFiles.OWNER_ONLY);
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
