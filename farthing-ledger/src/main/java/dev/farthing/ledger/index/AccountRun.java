package dev.farthing.ledger.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's transfers from one journal batch, as a single value: {@code count u32}, then per transfer newest
 * first {@code timestamp u64, idLength u16, id}. Keyed by the account and the run's OLDEST timestamp (inverted), so
 * a seek to "before t" lands on the only run that can straddle t. One entry per account per batch, instead of one
 * per transfer side, is what makes a hot account cheap to index.
 */
final class AccountRun {
    private final List<String> ids = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();
    private int bytes = 4;

    void add(String id, long timestamp, int idBytes) {
        assert timestamps.isEmpty() || timestamps.getLast() < timestamp : "run out of order";
        ids.add(id);
        timestamps.add(timestamp);
        bytes += 10 + idBytes;
    }

    long oldest() {
        return timestamps.getFirst();
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(bytes).putInt(ids.size());
        for (int i = ids.size() - 1; i >= 0; i--) {
            byte[] id = ids.get(i).getBytes(StandardCharsets.UTF_8);
            b.putLong(timestamps.get(i)).putShort((short) id.length).put(id);
        }
        return b.array();
    }

    /** Adds to {@code out} the ids of the run created strictly before {@code before}, newest first, up to {@code limit}. */
    static void decodeBefore(byte[] value, long before, int limit, List<String> out) {
        ByteBuffer b = ByteBuffer.wrap(value);
        int count = b.getInt();
        for (int i = 0; i < count && out.size() < limit; i++) {
            long timestamp = b.getLong();
            int length = b.getShort() & 0xFFFF;
            if (timestamp < before) {
                out.add(new String(value, b.position(), length, StandardCharsets.UTF_8));
            }
            b.position(b.position() + length);
        }
    }
}
