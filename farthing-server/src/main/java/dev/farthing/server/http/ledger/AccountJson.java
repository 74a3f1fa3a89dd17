package dev.farthing.server.http.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.Validation;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.util.Map;

/** Account bodies: reads {@code POST /v1/accounts}, writes an {@link AccountView}. */
public final class AccountJson {
    private AccountJson() {
    }

    /** {@code {id, currency, kind, flags?: {no_overdraft}, credit_limit?, metadata?}}; unknown fields refused. */
    public static NewAccount read(JsonIn in) {
        in.startObject("");
        String id = null;
        String currency = null;
        String kind = null;
        Boolean noOverdraft = null;
        long creditLimit = 0;
        Map<String, String> metadata = Map.of();
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "id" -> id = in.string(f);
                case "currency" -> currency = in.string(f);
                case "kind" -> kind = in.string(f);
                case "flags" -> noOverdraft = readFlags(in);
                case "credit_limit" -> creditLimit = in.isNull() ? 0 : in.nonNegative(f, Long.MAX_VALUE);
                case "metadata" -> metadata = in.stringMap(f, Validation.MAX_METADATA_ENTRIES);
                default -> throw in.unknownField(f);
            }
        }
        require(in, "id", id);
        require(in, "currency", currency);
        require(in, "kind", kind);
        try {
            return new NewAccount(id, currency, AccountKind.fromWire(kind), noOverdraft, creditLimit, metadata);
        } catch (LedgerException e) {
            throw ApiException.of(e);
        }
    }

    private static Boolean readFlags(JsonIn in) {
        if (in.isNull()) {
            return null;
        }
        in.startObject(in.where("flags"));
        String outer = in.enter(in.where("flags"));
        Boolean noOverdraft = null;
        String f;
        while ((f = in.nextField()) != null) {
            if (!f.equals("no_overdraft")) {
                throw in.unknownField(f);
            }
            noOverdraft = in.isNull() ? null : in.bool(f);
        }
        in.enter(outer);
        return noOverdraft;
    }

    static void require(JsonIn in, String field, Object value) {
        if (value == null) {
            throw in.invalid(field, "is required");
        }
    }

    public static void write(JsonGenerator g, AccountView a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("currency", a.currency());
        g.writeStringField("kind", a.kind().wire());
        g.writeObjectFieldStart("flags");
        g.writeBooleanField("no_overdraft", a.noOverdraft());
        g.writeEndObject();
        g.writeNumberField("credit_limit", a.creditLimit());
        Json.writeStringMap(g, "metadata", a.metadata());
        g.writeStringField("status", a.status().wire());
        g.writeNumberField("debits_posted", a.debitsPosted());
        g.writeNumberField("credits_posted", a.creditsPosted());
        g.writeNumberField("debits_pending", a.debitsPending());
        g.writeNumberField("credits_pending", a.creditsPending());
        g.writeNumberField("balance", a.balance());
        g.writeNumberField("available", a.available());
        g.writeStringField("created_at", Times.formatOrNull(a.createdAt()));
        g.writeNumberField("created_at_ns", a.createdAt());
        g.writeEndObject();
    }

    public static byte[] bytes(AccountView a) {
        return Json.bytes(512, g -> write(g, a));
    }
}
