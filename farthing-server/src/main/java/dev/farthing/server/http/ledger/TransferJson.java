package dev.farthing.server.http.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.ledger.model.LedgerException;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.model.Validation;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Times;

import java.io.IOException;
import java.util.Map;

/**
 * Transfer bodies: reads {@code {id, debit_account, credit_account, amount, currency, code?, reference?,
 * metadata?, pending?: {timeout_s}}} (unknown fields refused) and writes a {@link TransferView}.
 */
public final class TransferJson {
    private TransferJson() {
    }

    public static NewTransfer read(JsonIn in) {
        in.startObject(in.prefix());
        String id = null;
        String debit = null;
        String credit = null;
        String currency = null;
        String code = null;
        String reference = null;
        long amount = -1;
        long timeout = 0;
        Map<String, String> metadata = Map.of();
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "id" -> id = in.string(f);
                case "debit_account" -> debit = in.string(f);
                case "credit_account" -> credit = in.string(f);
                case "amount" -> amount = in.amount(f);
                case "currency" -> currency = in.string(f);
                case "code" -> code = in.optionalString(f);
                case "reference" -> reference = in.optionalString(f);
                case "metadata" -> metadata = in.stringMap(f, Validation.MAX_METADATA_ENTRIES);
                case "pending" -> timeout = readPending(in);
                default -> throw in.unknownField(f);
            }
        }
        AccountJson.require(in, "id", id);
        AccountJson.require(in, "debit_account", debit);
        AccountJson.require(in, "credit_account", credit);
        AccountJson.require(in, "amount", amount < 0 ? null : amount);
        AccountJson.require(in, "currency", currency);
        try {
            return new NewTransfer(id, debit, credit, amount, currency, code, reference, metadata, timeout);
        } catch (LedgerException e) {
            throw ApiException.invalid(in.prefix().isEmpty() ? e.detail() : in.prefix() + ": " + e.detail());
        }
    }

    /** {@code pending: {timeout_s: 1..MAX}} or null (not a hold). */
    private static long readPending(JsonIn in) {
        if (in.isNull()) {
            return 0;
        }
        String where = in.where("pending");
        in.startObject(where);
        String outer = in.enter(where);
        long timeout = -1;
        String f;
        while ((f = in.nextField()) != null) {
            if (!f.equals("timeout_s")) {
                throw in.unknownField(f);
            }
            timeout = in.nonNegative(f, NewTransfer.MAX_PENDING_TIMEOUT_S);
            if (timeout == 0) {
                throw in.invalid(f, "must be at least 1");
            }
        }
        if (timeout < 0) {
            throw in.invalid("timeout_s", "is required");
        }
        in.enter(outer);
        return timeout;
    }

    public static void write(JsonGenerator g, TransferView t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("debit_account", t.debitAccount());
        g.writeStringField("credit_account", t.creditAccount());
        g.writeNumberField("amount", t.amount());
        g.writeStringField("currency", t.currency());
        g.writeStringField("code", t.code());
        g.writeStringField("reference", t.reference());
        Json.writeStringMap(g, "metadata", t.metadata());
        if (t.pendingTimeoutS() > 0) {
            g.writeObjectFieldStart("pending");
            g.writeNumberField("timeout_s", t.pendingTimeoutS());
            g.writeStringField("expires_at", Times.formatOrNull(t.expiresAt()));
            g.writeEndObject();
        } else {
            g.writeNullField("pending");
        }
        g.writeStringField("status", t.status().wire());
        g.writeNumberField("posted_amount", t.postedAmount());
        g.writeStringField("timestamp", Times.format(t.timestamp()));
        g.writeNumberField("timestamp_ns", t.timestamp());
        g.writeStringField("resolved_at", Times.formatOrNull(t.resolvedAt()));
        g.writeEndObject();
    }

    public static byte[] bytes(TransferView t) {
        return Json.bytes(512, g -> write(g, t));
    }
}
