package dev.farthing.watchtower.blob;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * The 16-byte lookup key of a justice blob: the first 16 bytes of SHA-256(commitment), held as two longs so
 * the store's hash table keeps it in primitive arrays. It reveals nothing about the channel by itself.
 */
public record Hint(long high, long low) {
    public static final int LENGTH = 16;

    /** The hint of a state commitment ({@code ChannelState.bytes()}). */
    public static Hint ofCommitment(byte[] commitment) {
        return fromBytes(Digests.sha256(commitment));
    }

    /** Reads the first 16 bytes of {@code bytes} (which may be longer, e.g. a whole digest). */
    public static Hint fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < LENGTH) {
            throw new IllegalArgumentException("a hint is 16 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new Hint(b.getLong(), b.getLong());
    }

    public static Hint fromHex(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a hint is 16 bytes (32 hex digits), got " + bytes.length);
        }
        return fromBytes(bytes);
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(LENGTH).putLong(high).putLong(low).array();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes());
    }

    @Override
    public String toString() {
        return "Hint[" + hex() + "]";
    }
}
