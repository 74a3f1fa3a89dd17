package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One upload client's namespace in the store: every blob a client uploads is filed under a key derived from
 * its namespace and the hint, SHA-256({@code "FTWNS\0"} ‖ namespace id ‖ hint) cut to 16 bytes. Another
 * client uploading under the same hint lands under a different key, so it can neither crowd this client's
 * chain for that hint nor find its blobs, and choosing a hint that collides with another client's key is as
 * hard as a SHA-256 second preimage. The id is the first 8 bytes of SHA-256({@code "FTWID\0"} ‖ name), stable
 * across restarts so a client's blobs and quota survive them.
 */
public record ClientNamespace(String name, long id) {
    private static final byte[] KEY_DOMAIN = "FTWNS\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_DOMAIN = "FTWID\0".getBytes(StandardCharsets.US_ASCII);

    public ClientNamespace {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a client name is 1..200 characters");
        }
    }

    /** The namespace of the client called {@code name}. */
    public static ClientNamespace of(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a client name is 1..200 characters");
        }
        return new ClientNamespace(name, ByteBuffer.wrap(sha256(ID_DOMAIN, name.getBytes(StandardCharsets.UTF_8))).getLong());
    }

    /** Where this client's blobs under {@code hint} are filed. */
    public Hint key(Hint hint) {
        return keyOf(id, hint);
    }

    static Hint keyOf(long namespaceId, Hint hint) {
        return Hint.fromBytes(sha256(KEY_DOMAIN, ByteBuffer.allocate(Long.BYTES).putLong(namespaceId).array(), hint.bytes()));
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
