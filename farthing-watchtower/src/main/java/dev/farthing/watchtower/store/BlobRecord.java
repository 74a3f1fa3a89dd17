package dev.farthing.watchtower.store;

import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.SealedBlob;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One fixed-size record of the data file: namespaced key (16, see {@link ClientNamespace#key}) ‖ client
 * namespace id (i64) ‖ previous record under the same key (i32, -1 for none) ‖ blob ({@link JusticeBlob#SIZE})
 * ‖ CRC32C of everything before it (i32). {@code sealed.hint()} is the namespaced key, not the client's hint.
 */
record BlobRecord(SealedBlob sealed, long namespace, int previous) {
    static final int SIZE = Hint.LENGTH + Long.BYTES + Integer.BYTES + JusticeBlob.SIZE + Integer.BYTES;
    private static final int CHECKED = SIZE - Integer.BYTES;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).put(sealed.hint().bytes()).putLong(namespace).putInt(previous)
                .put(sealed.blob());
        b.putInt(crc(b.array()));
        return b.array();
    }

    /** Decodes record {@code index}; null when its checksum or its back link is wrong. */
    static BlobRecord decode(ByteBuffer b, int index) {
        byte[] raw = new byte[SIZE];
        b.get(raw);
        ByteBuffer r = ByteBuffer.wrap(raw);
        if (r.getInt(CHECKED) != crc(raw)) {
            return null;
        }
        byte[] key = new byte[Hint.LENGTH];
        r.get(key);
        long namespace = r.getLong();
        int previous = r.getInt();
        if (previous < -1 || previous >= index) {
            return null;
        }
        byte[] blob = new byte[JusticeBlob.SIZE];
        r.get(blob);
        return new BlobRecord(new SealedBlob(Hint.fromBytes(key), blob), namespace, previous);
    }

    private static int crc(byte[] raw) {
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, CHECKED);
        return (int) crc.getValue();
    }
}
