package dev.farthing.server.http.channels;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.channels.ChannelConfig;
import dev.farthing.channels.ChannelKind;
import dev.farthing.channels.OpenRequest;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.JsonIn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Strict readers for channel request bodies (unknown fields refused, every field typed and bounded). */
final class ChannelRequests {
    private ChannelRequests() {
    }

    /** Reads an object's fields into a map of raw readers' results, refusing unknown names. */
    interface FieldReader {
        Object read(JsonIn in, String field);
    }

    static Map<String, Object> fields(JsonIn in, String what, Map<String, FieldReader> allowed) {
        in.startObject(what);
        Map<String, Object> out = new HashMap<>();
        String f;
        while ((f = in.nextField()) != null) {
            FieldReader r = allowed.get(f);
            if (r == null) {
                throw in.unknownField(f);
            }
            if (!in.isNull()) {
                out.put(f, r.read(in, f));
            }
        }
        return out;
    }

    static <T> T require(Map<String, Object> m, String field, Class<T> type) {
        Object v = m.get(field);
        if (v == null) {
            throw ApiException.invalid(field + " is required");
        }
        return type.cast(v);
    }

    static final FieldReader STRING = JsonIn::string;
    static final FieldReader AMOUNT = JsonIn::amount;
    static final FieldReader COUNT = (in, f) -> in.nonNegative(f, Long.MAX_VALUE);
    static final FieldReader HEX32 = (in, f) -> HexFields.bytes(in, f, 32);
    static final FieldReader SIG = HexFields::signature;
    static final FieldReader KEY = HexFields::key;
    static final FieldReader DELAY = (in, f) -> in.nonNegative(f, ChannelConfig.MAX_DELAY_S);
    static final FieldReader STATE = (in, f) -> state(in, f);

    static OpenRequest open(JsonIn in) {
        Map<String, Object> m = fields(in, "", Map.ofEntries(Map.entry("id", HEX32), Map.entry("kind", STRING),
                Map.entry("payer", STRING), Map.entry("payee", STRING), Map.entry("amount", AMOUNT),
                Map.entry("amount_b", COUNT), Map.entry("currency", STRING), Map.entry("public_key", KEY),
                Map.entry("public_key_b", KEY), Map.entry("dispute_key_a", KEY), Map.entry("dispute_key_b", KEY),
                Map.entry("settle_delay_s", DELAY), Map.entry("dispute_window_s", DELAY),
                Map.entry("cancel_after", STRING)));
        ChannelKind kind = ChannelKind.fromWire(require(m, "kind", String.class));
        return new OpenRequest(require(m, "id", byte[].class), kind, require(m, "payer", String.class),
                require(m, "payee", String.class), require(m, "amount", Long.class),
                (Long) m.getOrDefault("amount_b", 0L), require(m, "currency", String.class),
                require(m, "public_key", byte[].class), (byte[]) m.get("public_key_b"),
                (byte[]) m.get("dispute_key_a"), (byte[]) m.get("dispute_key_b"), (Long) m.get("settle_delay_s"),
                (Long) m.get("dispute_window_s"), time((String) m.get("cancel_after")));
    }

    /** RFC 3339 UTC time as ledger nanoseconds; null is 0 (none). */
    static long time(String rfc3339) {
        if (rfc3339 == null) {
            return 0;
        }
        try {
            Instant t = Instant.parse(rfc3339);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ApiException.invalid("cancel_after must be an RFC 3339 UTC time such as 2030-01-02T03:04:05Z");
        }
    }

    /** {@code {nonce, balance_a, balance_b, revocation_hash_a, revocation_hash_b}} for the path's channel. */
    static Map<String, Object> state(JsonIn in, String field) {
        String outer = in.enter(in.where(field));
        Map<String, Object> m = fields(in, in.prefix(), Map.of("nonce", COUNT, "balance_a", COUNT, "balance_b", COUNT,
                "revocation_hash_a", HEX32, "revocation_hash_b", HEX32));
        in.enter(outer);
        return m;
    }

    @SuppressWarnings("unchecked")
    static ChannelState toState(byte[] channelId, Object raw) {
        if (raw == null) {
            throw ApiException.invalid("state is required");
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        try {
            return new ChannelState(channelId, require(m, "nonce", Long.class), require(m, "balance_a", Long.class),
                    require(m, "balance_b", Long.class), require(m, "revocation_hash_a", byte[].class),
                    require(m, "revocation_hash_b", byte[].class));
        } catch (ArithmeticException e) {
            throw ApiException.invalid("state balances overflow");
        }
    }

    static SignedState signedState(byte[] channelId, Map<String, Object> m) {
        return new SignedState(toState(channelId, m.get("state")), require(m, "signature_a", byte[].class),
                require(m, "signature_b", byte[].class));
    }

    static Party party(Map<String, Object> m, String field) {
        try {
            return Party.fromWire(require(m, field, String.class));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field + " must be \"a\" or \"b\"");
        }
    }
}
