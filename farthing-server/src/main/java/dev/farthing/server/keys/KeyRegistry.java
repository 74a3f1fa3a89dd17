package dev.farthing.server.keys;

import dev.farthing.server.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The server's live view of the key store. Keys are found by the SHA-256 of the presented token (so the
 * comparison never touches the secret byte by byte). The file is re-read when it changed: at once when an
 * unknown key is presented (a key just made by {@code farthing keys create}), and at most every
 * {@link #RECHECK_NANOS} otherwise (so revocations take effect promptly).
 */
public final class KeyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRegistry.class);
    static final long RECHECK_NANOS = 250_000_000L;

    /** Who made a request: the key's id (safe to log) and role. */
    public record Principal(String keyId, Role role) {
    }

    private record Stamp(Object fileKey, long modifiedNanos, long size) {
    }

    private record Snapshot(Map<String, Principal> byHash, Stamp stamp, long checkedAt) {
    }

    private final Path dataDir;
    private final Consumer<List<StoredKey>> onLoad;
    private volatile Snapshot snapshot;

    public KeyRegistry(Path dataDir) {
        this(dataDir, keys -> { });
    }

    /** {@code onLoad} sees every version of the store this registry loads (the audit of key changes). */
    public KeyRegistry(Path dataDir, Consumer<List<StoredKey>> onLoad) {
        this.dataDir = dataDir;
        this.onLoad = onLoad;
        this.snapshot = load(null);
    }

    /** The principal for this token, or null if it is unknown or revoked. */
    public Principal authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > KeyMaterial.MAX_TOKEN_LENGTH) {
            return null;
        }
        String hash = KeyMaterial.hash(token);
        Snapshot snap = snapshot;
        Principal p = snap.byHash().get(hash);
        if (p == null || System.nanoTime() - snap.checkedAt() > RECHECK_NANOS) {
            snap = refresh();
            p = snap.byHash().get(hash);
        }
        return p;
    }

    private synchronized Snapshot refresh() {
        Snapshot current = snapshot;
        Stamp now = stamp();
        if (Objects.equals(now, current.stamp())) {
            current = new Snapshot(current.byHash(), current.stamp(), System.nanoTime());
        } else {
            current = load(current);
        }
        snapshot = current;
        return current;
    }

    private Snapshot load(Snapshot previous) {
        Stamp stamp = stamp();
        try {
            List<StoredKey> keys = KeyFile.read(dataDir);
            onLoad.accept(keys);
            Map<String, Principal> byHash = new HashMap<>();
            for (StoredKey k : keys) {
                if (k.active()) {
                    byHash.put(k.hashHex(), new Principal(k.id(), k.role()));
                }
            }
            return new Snapshot(Map.copyOf(byHash), stamp, System.nanoTime());
        } catch (RuntimeException e) {
            if (previous == null) {
                throw e;
            }
            LOG.warn("Keeping the previous API keys: cannot re-read the key store: {}", e.getMessage());
            return new Snapshot(previous.byHash(), previous.stamp(), System.nanoTime());
        }
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes a = Files.readAttributes(KeyFile.path(dataDir), BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
        } catch (IOException e) {
            return new Stamp(null, -1, -1);
        }
    }
}
