package dev.farthing.channels;

import dev.farthing.recordlog.Entry;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.SealedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed channels, out of memory: each is written once, when it closes, to its own checksummed file
 * {@code closed/<first two hex digits>/<id hex>} (a {@link SealedFile}: replaced atomically), and read back on
 * demand through a small LRU cache. A closed channel never changes again, so the file is final; it costs
 * no heap at all until someone asks for it. The file exists before the channel leaves the in-memory book,
 * so an open racing a close always sees one or the other.
 */
final class ClosedChannels {
    static final int CACHE_SIZE = 1024;
    /** The record type of a closed channel. */
    static final int CLOSED = 1;
    private final Path dir;
    private final Map<String, Channel> cache = new LinkedHashMap<>(CACHE_SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Channel> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ClosedChannels(Path channelsDir) {
        this.dir = closedDir(channelsDir);
    }

    static Path closedDir(Path channelsDir) {
        return channelsDir.resolve("closed");
    }

    /** Durably records {@code c} (which must be closed); a repeat is a no-op. */
    void store(Channel c) {
        if (c.status() != ChannelStatus.CLOSED) {
            throw new IllegalStateException("channel " + c.terms().idHex() + " is not closed");
        }
        Path file = file(c.terms().idHex());
        if (Files.exists(file)) {
            return;
        }
        SealedFile.write(file, List.of(new Entry(CLOSED, ChannelCodec.bytes(c))));
    }

    boolean contains(String idHex) {
        synchronized (cache) {
            if (cache.containsKey(idHex)) {
                return true;
            }
        }
        return Files.exists(file(idHex));
    }

    /** The closed channel, or null when no channel with this id has closed. */
    Channel read(String idHex) {
        synchronized (cache) {
            Channel hit = cache.get(idHex);
            if (hit != null) {
                return hit;
            }
        }
        Path file = file(idHex);
        if (!Files.exists(file)) {
            return null;
        }
        List<Record> records;
        try {
            records = SealedFile.read(file);
        } catch (RecordLogCorruptException e) {
            throw new CorruptChannelLogException(e);
        }
        if (records.size() != 1 || records.getFirst().type() != CLOSED) {
            throw new CorruptChannelLogException(file, 0, "a closed-channel file holds exactly one closed-channel record");
        }
        Channel c;
        try {
            c = ChannelCodec.fromBytes(records.getFirst().payload());
        } catch (IOException e) {
            throw new CorruptChannelLogException(file, 0, "unreadable closed channel: " + e.getMessage());
        }
        synchronized (cache) {
            cache.put(idHex, c);
        }
        return c;
    }

    private Path file(String idHex) {
        String id = idHex.toLowerCase(java.util.Locale.ROOT);
        return dir.resolve(id.substring(0, 2)).resolve(id);
    }
}
