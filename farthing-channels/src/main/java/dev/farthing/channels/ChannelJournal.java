package dev.farthing.channels;

import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordLogOptions;
import dev.farthing.recordlog.Snapshot;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable channel state on a {@link RecordLog} ({@code journal/}): a snapshot (the open channels and the next
 * channel number) and the operations since. Every operation is written as an INTENT (the channel after it and
 * the ledger moves that realise it) before any money moves; a refused move is followed by an ABORT. On restart
 * the latest intent of each channel is handed back so its moves are re-applied (idempotent transfer ids):
 * a crash between the journal and the ledger never loses or duplicates money.
 */
final class ChannelJournal implements AutoCloseable {
    static final byte INTENT = 1;
    static final byte ABORT = 2;
    private final RecordLog log;
    private long snapshotPosition;

    /** A channel whose latest operation may not have reached the ledger; {@code before} is null for an open. */
    record Pending(Channel before, Channel after, List<Move> moves, Op.EventSpec event) {
    }

    /** {@code nextNumber}: the number the snapshot says the next channel gets (1 for none). */
    record Recovered(Map<String, Channel> channels, List<Pending> pending, long nextNumber) {
    }

    private ChannelJournal(RecordLog log) {
        this.log = log;
    }

    static RecordLogOptions options(boolean fsync) {
        // One snapshot: a damaged one stops start-up rather than silently replaying from an older one.
        return RecordLogOptions.DEFAULTS.withFsync(fsync).withSegmentBytes(16L << 20).withRetainedSnapshots(1);
    }

    static ChannelJournal open(Path dir, boolean fsync, Recovered[] out) {
        try {
            ChannelStoreMigration.migrate(dir);
            ChannelJournal j = new ChannelJournal(RecordLog.open(dir.resolve(ChannelStoreMigration.JOURNAL), options(fsync)));
            Map<String, Channel> channels = new LinkedHashMap<>();
            long nextNumber = 1;
            long from = j.log.startPosition();
            Optional<Snapshot> snapshot = j.log.latestSnapshot();
            if (snapshot.isPresent()) {
                from = snapshot.get().position();
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(snapshot.get().open()))) {
                    nextNumber = in.readLong();
                    for (int n = in.readInt(); n > 0; n--) {
                        Channel c = decodeChannel(in.readNBytes(in.readInt()));
                        channels.put(c.terms().idHex(), c);
                    }
                } catch (IOException e) {
                    throw new CorruptChannelLogException(snapshot.get().file(), 0, "unreadable channel snapshot: " + e);
                }
            }
            j.snapshotPosition = from;
            List<byte[]> records = new ArrayList<>();
            j.log.replay(from, r -> records.add(r.payload()));
            Recovered replayed = replay(channels, records);
            out[0] = new Recovered(replayed.channels(), replayed.pending(), nextNumber);
            return j;
        } catch (RecordLogCorruptException e) {
            throw new CorruptChannelLogException(e);
        }
    }

    /** The snapshot layout: next channel number, count, then each channel's codec bytes with their length. */
    static void writeSnapshot(OutputStream target, long nextNumber, List<byte[]> channels) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.writeLong(nextNumber);
        out.writeInt(channels.size());
        for (byte[] c : channels) {
            out.writeInt(c.length);
            out.write(c);
        }
        out.flush();
    }

    private static Recovered replay(Map<String, Channel> channels, List<byte[]> records) {
        Map<String, Pending> latest = new HashMap<>();
        for (byte[] r : records) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(r))) {
                byte type = in.readByte();
                if (type == INTENT) {
                    Channel after = ChannelCodec.read(in);
                    List<Move> moves = readMoves(in);
                    Op.EventSpec event = readEvent(in);
                    String key = after.terms().idHex();
                    Channel before = channels.get(key);
                    if (before != null && before.opSeq() >= after.opSeq()) {
                        continue; // already in the snapshot
                    }
                    channels.put(key, after);
                    latest.put(key, new Pending(before, after, moves, event));
                } else if (type == ABORT) {
                    String key = dev.farthing.keys.Hex.encode(in.readNBytes(32));
                    long opSeq = in.readLong();
                    Pending p = latest.remove(key);
                    if (p != null && p.after().opSeq() == opSeq) {
                        if (p.before() == null) {
                            channels.remove(key);
                        } else {
                            channels.put(key, p.before().skippingOp());
                        }
                    }
                } else {
                    throw new IOException("unknown channel journal record type " + type);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable channel journal record", e);
            }
        }
        return new Recovered(channels, new ArrayList<>(latest.values()), 1);
    }

    /** Durably records that {@code after} is about to be realised by {@code moves}. */
    void intent(Channel after, List<Move> moves, Op.EventSpec event) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(INTENT);
            ChannelCodec.write(out, after);
            out.writeShort(moves.size());
            for (Move m : moves) {
                out.writeUTF(m.id());
                out.writeUTF(m.debit());
                out.writeUTF(m.credit());
                out.writeLong(m.amount());
                out.writeUTF(m.code());
            }
            writeEvent(out, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.appendAndSync(INTENT, buf.toByteArray());
    }

    /** Durably records that the ledger refused the moves of the operation {@code aborted}. */
    void abort(Channel aborted) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(buf)) {
            out.writeByte(ABORT);
            out.write(aborted.terms().id());
            out.writeLong(aborted.opSeq());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.appendAndSync(ABORT, buf.toByteArray());
    }

    /** Journal bytes written since the last snapshot. */
    long logBytes() {
        return log.endPosition() - snapshotPosition;
    }

    /**
     * Writes the open channels and the next channel number to a snapshot at the journal's end and drops the
     * segments it covers (closed channels are already in {@link ClosedChannels}). Callers quiesce operations first.
     */
    synchronized void compact(Collection<Channel> channels, long nextNumber) {
        List<byte[]> records = new ArrayList<>(channels.size());
        for (Channel c : channels) {
            records.add(ChannelCodec.bytes(c));
        }
        long position = log.endPosition();
        log.writeSnapshot(position, out -> writeSnapshot(out, nextNumber, records));
        log.compact(position);
        snapshotPosition = position;
    }

    private static void writeEvent(DataOutputStream out, Op.EventSpec e) throws IOException {
        out.writeBoolean(e != null);
        if (e != null) {
            out.writeUTF(e.type());
            out.writeShort(e.commitment() == null ? -1 : e.commitment().length);
            if (e.commitment() != null) {
                out.write(e.commitment());
            }
            out.writeLong(e.nonce());
            out.writeLong(e.windowEndsAt());
        }
    }

    private static Op.EventSpec readEvent(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String type = in.readUTF();
        short n = in.readShort();
        byte[] commitment = n < 0 ? null : in.readNBytes(n);
        return new Op.EventSpec(type, commitment, in.readLong(), in.readLong());
    }

    private static List<Move> readMoves(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        List<Move> moves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            moves.add(new Move(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF()));
        }
        return moves;
    }

    private static Channel decodeChannel(byte[] r) {
        try {
            return ChannelCodec.fromBytes(r);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable channel snapshot record", e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
