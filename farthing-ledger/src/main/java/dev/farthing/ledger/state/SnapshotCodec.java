package dev.farthing.ledger.state;

import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.TransferView;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serialises the whole state (accounts, open holds, clock) to bytes and back. Accounts and holds are
 * written in id order so the same state always gives the same bytes. The journal sequence and chain hash
 * the state corresponds to are written by the caller around these bytes ({@code snapshot.SnapshotFile}).
 */
public final class SnapshotCodec {
    /**
     * Set in an account's kind byte when an engine module opened it. Snapshots written before the reserved
     * namespace never set it, so they decode unchanged, as client-made accounts.
     */
    private static final int SYSTEM_ORIGIN_BIT = 0x80;
    private SnapshotCodec() {
    }

    public static byte[] encode(LedgerState state) {
        ByteSink out = new ByteSink(1 << 16);
        out.putLong(state.lastTimestamp());
        out.putLong(state.transfersCommitted());
        List<Currency> currencies = new ArrayList<>(state.currencies());
        out.putInt(currencies.size());
        for (Currency c : currencies) {
            out.putString(c.code());
            out.putInt(c.scale());
        }
        List<AccountState> accounts = new ArrayList<>(state.accounts());
        accounts.sort(Comparator.comparing(a -> a.id));
        out.putInt(accounts.size());
        for (AccountState a : accounts) {
            encodeAccount(a, out);
        }
        List<TransferView> holds = new ArrayList<>(state.openHolds());
        holds.sort(Comparator.comparing(TransferView::id));
        out.putInt(holds.size());
        for (TransferView h : holds) {
            EventCodec.encodeTransfer(h, out);
        }
        return out.toByteArray();
    }

    private static void encodeAccount(AccountState a, ByteSink out) {
        out.putString(a.id);
        out.putString(a.currency);
        out.put((byte) (a.kind.ordinal() | (a.systemOrigin ? SYSTEM_ORIGIN_BIT : 0)));
        out.put((byte) (a.noOverdraft ? 1 : 0));
        out.putLong(a.creditLimit);
        out.putShort(a.metadata.size());
        a.metadata.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            out.putString(e.getKey());
            out.putString(e.getValue());
        });
        out.putLong(a.createdAt);
        out.put((byte) a.status.ordinal());
        out.putLong(a.debitsPosted);
        out.putLong(a.creditsPosted);
        out.putLong(a.debitsPending);
        out.putLong(a.creditsPending);
    }

    /**
     * Rebuilds state from {@link #encode} bytes. The snapshot's currencies must be configured with the same
     * scale: reinterpreting stored units at another scale would silently change every balance.
     */
    public static LedgerState decode(ByteBuffer in, List<Currency> configured) {
        try {
            LedgerState state = new LedgerState(configured);
            long lastTimestamp = in.getLong();
            long committed = in.getLong();
            int currencyCount = in.getInt();
            for (int i = 0; i < currencyCount; i++) {
                Currency stored = new Currency(EventCodec.readString(in), in.getInt());
                Currency now = state.currency(stored.code());
                if (now != null && now.scale() != stored.scale()) {
                    throw new IllegalArgumentException("currency " + stored.code() + " has scale " + stored.scale()
                            + " in the data but " + now.scale() + " in the configuration");
                }
            }
            int accountCount = in.getInt();
            for (int i = 0; i < accountCount; i++) {
                state.restoreAccount(decodeAccount(in));
            }
            int holdCount = in.getInt();
            for (int i = 0; i < holdCount; i++) {
                state.restoreHold(EventCodec.decodeTransfer(in));
            }
            state.restoreClock(lastTimestamp, committed);
            if (in.hasRemaining()) {
                throw new IllegalStateException(in.remaining() + " trailing bytes");
            }
            return state;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("snapshot state is truncated: " + e, e);
        }
    }

    private static AccountState decodeAccount(ByteBuffer in) {
        String id = EventCodec.readString(in);
        String currency = EventCodec.readString(in);
        int kindByte = in.get() & 0xFF;
        AccountKind kind = AccountKind.values()[kindByte & ~SYSTEM_ORIGIN_BIT];
        boolean noOverdraft = in.get() == 1;
        long creditLimit = in.getLong();
        int n = Short.toUnsignedInt(in.getShort());
        Map<String, String> metadata = new HashMap<>();
        for (int i = 0; i < n; i++) {
            metadata.put(EventCodec.readString(in), EventCodec.readString(in));
        }
        AccountState a = new AccountState(id, currency, kind, noOverdraft, creditLimit, Map.copyOf(metadata),
                in.getLong(), (kindByte & SYSTEM_ORIGIN_BIT) != 0);
        a.status = AccountStatus.values()[in.get()];
        a.debitsPosted = in.getLong();
        a.creditsPosted = in.getLong();
        a.debitsPending = in.getLong();
        a.creditsPending = in.getLong();
        a.checkInvariants();
        return a;
    }
}
