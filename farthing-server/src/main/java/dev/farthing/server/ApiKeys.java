package dev.farthing.server;

import dev.farthing.server.keys.KeyFile;
import dev.farthing.server.keys.KeyMaterial;
import dev.farthing.server.keys.StoredKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The API key store of a data directory ({@code DATA/keys.json}). Keys are 32 random bytes, shown in
 * plaintext exactly once (when created) and stored only as SHA-256 hashes. A running server picks up keys
 * created or revoked here by another process.
 */
public final class ApiKeys {
    public static final int MAX_LABEL_LENGTH = 200;

    private ApiKeys() {
    }

    public static boolean isInitialised(Path dataDir) {
        return Files.isRegularFile(KeyFile.path(dataDir));
    }

    /**
     * {@code farthing init}: creates the data directory and the key store and returns the first admin key
     * (plaintext, shown once). Throws {@link IllegalStateException} if the directory is already initialised.
     */
    public static String initialise(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String key = KeyMaterial.newKey();
        KeyFile.update(dataDir, false, keys -> List.of(stored(key, Role.ADMIN, "bootstrap admin")));
        return key;
    }

    /** {@code farthing keys create}: adds a key with the role and returns it in plaintext, once. */
    public static String create(Path dataDir, Role role, String label) {
        Objects.requireNonNull(role, "role");
        String cleanLabel = cleanLabel(label);
        String key = KeyMaterial.newKey();
        KeyFile.update(dataDir, true, keys -> {
            List<StoredKey> next = new ArrayList<>(keys);
            next.add(stored(key, role, cleanLabel));
            return next;
        });
        return key;
    }

    /** Every key ever created, oldest first, revoked ones included (marked). Never the secrets. */
    public static List<KeyInfo> list(Path dataDir) {
        if (!isInitialised(dataDir)) {
            throw new IllegalStateException("data directory " + dataDir + " is not initialised (no "
                    + KeyFile.FILE_NAME + ")");
        }
        return KeyFile.read(dataDir).stream().map(StoredKey::info).toList();
    }

    /** Revokes the key with this id (as {@link #list} shows it); false if there is no such active key. */
    public static boolean revoke(Path dataDir, String keyId) {
        boolean[] found = {false};
        KeyFile.update(dataDir, true, keys -> {
            List<StoredKey> next = new ArrayList<>(keys.size());
            for (StoredKey k : keys) {
                if (k.active() && k.id().equals(keyId)) {
                    found[0] = true;
                    next.add(k.revokedNow());
                } else {
                    next.add(k);
                }
            }
            return next;
        });
        return found[0];
    }

    private static StoredKey stored(String key, Role role, String label) {
        return new StoredKey(KeyMaterial.idOf(key), KeyMaterial.hash(key), role, label, Instant.now(), null);
    }

    private static String cleanLabel(String label) {
        if (label == null) {
            return "";
        }
        if (label.length() > MAX_LABEL_LENGTH || label.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("label must be at most " + MAX_LABEL_LENGTH
                    + " characters without control characters");
        }
        return label;
    }
}
