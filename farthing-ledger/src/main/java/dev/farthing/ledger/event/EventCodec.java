package dev.farthing.ledger.event;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.AccountOpened;
import dev.farthing.ledger.model.LedgerEvent.AccountStatusChanged;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binary form of events (journal payloads) and transfers (index values). Every field is written
 * explicitly; a decoder reading a damaged payload fails with {@link IllegalStateException}, which callers
 * turn into a corruption report. Checksums live one level up, in the journal record.
 */
public final class EventCodec {
    private static final byte ACCOUNT_OPENED = 1;
    private static final byte ACCOUNT_STATUS = 2;
    private static final byte TRANSFER_COMMITTED = 3;
    private static final byte PENDING_RESOLVED = 4;
    /** Same layout as {@link #ACCOUNT_OPENED}; the type records that an engine module opened it. */
    private static final byte ACCOUNT_OPENED_BY_SYSTEM = 5;

    private EventCodec() {
    }

    public static void encode(LedgerEvent event, ByteSink out) {
        switch (event) {
            case AccountOpened a -> {
                out.put(a.bySystem() ? ACCOUNT_OPENED_BY_SYSTEM : ACCOUNT_OPENED);
                out.putLong(a.timestamp());
                out.putString(a.id());
                out.putString(a.currency());
                out.put((byte) a.kind().ordinal());
                out.put((byte) (a.noOverdraft() ? 1 : 0));
                out.putLong(a.creditLimit());
                putMetadata(a.metadata(), out);
            }
            case AccountStatusChanged s -> {
                out.put(ACCOUNT_STATUS);
                out.putLong(s.timestamp());
                out.putString(s.id());
                out.put((byte) s.status().ordinal());
            }
            case TransferCommitted t -> {
                out.put(TRANSFER_COMMITTED);
                encodeTransfer(t.transfer(), out);
            }
            case PendingResolved r -> {
                out.put(PENDING_RESOLVED);
                out.putLong(r.timestamp());
                out.putString(r.transferId());
                out.put((byte) r.outcome().ordinal());
                out.putLong(r.postedAmount());
            }
        }
    }

    public static void encodeTransfer(TransferView t, ByteSink out) {
        out.putLong(t.timestamp());
        out.putString(t.id());
        out.putString(t.debitAccount());
        out.putString(t.creditAccount());
        out.putLong(t.amount());
        out.putString(t.currency());
        out.putString(t.code());
        out.putString(t.reference());
        putMetadata(t.metadata(), out);
        out.putLong(t.pendingTimeoutS());
        out.put((byte) t.status().ordinal());
        out.putLong(t.postedAmount());
        out.putLong(t.expiresAt());
        out.putLong(t.resolvedAt());
    }

    public static byte[] transferBytes(TransferView t) {
        ByteSink sink = new ByteSink(160);
        encodeTransfer(t, sink);
        return sink.toByteArray();
    }

    public static TransferView decodeTransfer(ByteBuffer in) {
        try {
            return readTransfer(in);
        } catch (BufferUnderflowException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("undecodable transfer: " + e, e);
        }
    }

    /** Decodes {@code count} events filling {@code in} exactly. */
    public static List<LedgerEvent> decodeAll(ByteBuffer in, int count) {
        LedgerEvent[] events = new LedgerEvent[count];
        try {
            for (int i = 0; i < count; i++) {
                events[i] = readEvent(in);
            }
        } catch (BufferUnderflowException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("undecodable event payload: " + e, e);
        }
        if (in.hasRemaining()) {
            throw new IllegalStateException("event payload has " + in.remaining() + " trailing bytes");
        }
        return List.of(events);
    }

    private static LedgerEvent readEvent(ByteBuffer in) {
        byte type = in.get();
        return switch (type) {
            case ACCOUNT_OPENED, ACCOUNT_OPENED_BY_SYSTEM -> new AccountOpened(in.getLong(), readString(in),
                    readString(in), enumAt(AccountKind.values(), in.get()), in.get() == 1, in.getLong(), getMetadata(in),
                    type == ACCOUNT_OPENED_BY_SYSTEM);
            case ACCOUNT_STATUS -> new AccountStatusChanged(in.getLong(), readString(in),
                    enumAt(AccountStatus.values(), in.get()));
            case TRANSFER_COMMITTED -> new TransferCommitted(readTransfer(in));
            case PENDING_RESOLVED -> new PendingResolved(in.getLong(), readString(in),
                    enumAt(TransferStatus.values(), in.get()), in.getLong());
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    private static TransferView readTransfer(ByteBuffer in) {
        long timestamp = in.getLong();
        String id = readString(in);
        String debit = readString(in);
        String credit = readString(in);
        long amount = in.getLong();
        String currency = readString(in);
        String code = readString(in);
        String reference = readString(in);
        Map<String, String> metadata = getMetadata(in);
        long timeout = in.getLong();
        TransferStatus status = enumAt(TransferStatus.values(), in.get());
        return new TransferView(id, debit, credit, amount, currency, code, reference, metadata, timeout, timestamp,
                status, in.getLong(), in.getLong(), in.getLong());
    }

    private static <E> E enumAt(E[] values, byte ordinal) {
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("bad enum ordinal " + ordinal);
        }
        return values[ordinal];
    }

    private static void putMetadata(Map<String, String> metadata, ByteSink out) {
        out.putShort(metadata.size());
        if (metadata.isEmpty()) {
            return;
        }
        // Sorted so equal maps always encode to equal bytes (snapshots and hashes compare bytes).
        metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            out.putString(e.getKey());
            out.putString(e.getValue());
        });
    }

    private static Map<String, String> getMetadata(ByteBuffer in) {
        int n = Short.toUnsignedInt(in.getShort());
        if (n == 0) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(readString(in), readString(in));
        }
        return Map.copyOf(map);
    }

    public static String readString(ByteBuffer in) {
        int len = Short.toUnsignedInt(in.getShort());
        if (len == 0xFFFF) {
            return null;
        }
        if (len > in.remaining()) {
            throw new IllegalArgumentException("string length " + len + " beyond payload");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }
}
