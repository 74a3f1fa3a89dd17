package dev.farthing.settlement.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Events as JSON in the record log, one record type per event kind (the type number is the index in
 * {@link #KINDS}: append only, never reorder). Unknown fields are errors: a record this code cannot read is
 * corruption, not something to skip.
 */
final class EventCodec {
    static final List<Class<? extends SettlementEvent>> KINDS = List.of(
            SettlementEvent.PayeeSet.class, SettlementEvent.BatchOpened.class, SettlementEvent.PayoutCreated.class,
            SettlementEvent.HoldPlaced.class, SettlementEvent.AttemptRouted.class, SettlementEvent.AttemptAnswered.class,
            SettlementEvent.PayoutPaid.class, SettlementEvent.PayoutFailed.class, SettlementEvent.PayoutBooked.class,
            SettlementEvent.StatementReceived.class, SettlementEvent.LineSettled.class,
            SettlementEvent.ExceptionRaised.class, SettlementEvent.FxRateSet.class, SettlementEvent.FxConverted.class);
    private static final int BASE_TYPE = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private EventCodec() {
    }

    static int typeOf(SettlementEvent e) {
        int i = KINDS.indexOf(e.getClass());
        if (i < 0) {
            throw new IllegalArgumentException("no record type for " + e.getClass());
        }
        return BASE_TYPE + i;
    }

    static byte[] encode(SettlementEvent e) {
        try {
            return JSON.writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot encode " + e, ex);
        }
    }

    static SettlementEvent decode(int type, byte[] payload) {
        int i = type - BASE_TYPE;
        if (i < 0 || i >= KINDS.size()) {
            throw new IllegalStateException("unknown settlement record type " + type);
        }
        try {
            return JSON.readValue(payload, KINDS.get(i));
        } catch (IOException ex) {
            throw new IllegalStateException("unreadable settlement record of type " + type + ": " + ex.getMessage(), ex);
        }
    }
}
