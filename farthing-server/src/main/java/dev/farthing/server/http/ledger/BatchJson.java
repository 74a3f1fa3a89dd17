package dev.farthing.server.http.ledger;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/transfers/batch}: reads {@code {atomic, transfers: [...]}} (1..8,192 transfers; any
 * malformed transfer refuses the whole request) and writes {@code {results: [...]}} in request order.
 */
public final class BatchJson {
    /** A parsed batch request. */
    public record Request(boolean atomic, List<NewTransfer> transfers) {
    }

    private BatchJson() {
    }

    public static Request read(JsonIn in) {
        in.startObject("");
        Boolean atomic = null;
        List<NewTransfer> transfers = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "atomic" -> atomic = in.bool(f);
                case "transfers" -> transfers = readTransfers(in);
                default -> throw in.unknownField(f);
            }
        }
        AccountJson.require(in, "transfers", transfers);
        if (transfers.isEmpty()) {
            throw ApiException.invalid("transfers must hold 1.." + Ledger.MAX_BATCH + " transfers");
        }
        return new Request(atomic != null && atomic, List.copyOf(transfers));
    }

    private static List<NewTransfer> readTransfers(JsonIn in) {
        if (!in.isArrayStart()) {
            throw in.invalid("transfers", "must be an array of transfers");
        }
        List<NewTransfer> list = new ArrayList<>();
        while (in.nextElement()) {
            if (list.size() >= Ledger.MAX_BATCH) {
                throw ApiException.invalid("transfers must hold 1.." + Ledger.MAX_BATCH + " transfers");
            }
            String outer = in.enter("transfers[" + list.size() + "]");
            list.add(TransferJson.read(in));
            in.enter(outer);
        }
        return list;
    }

    public static byte[] write(List<NewTransfer> requested, List<Outcome<TransferView>> outcomes) {
        return Json.bytes(256 * outcomes.size() + 64, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("results");
            for (int i = 0; i < outcomes.size(); i++) {
                Outcome<TransferView> o = outcomes.get(i);
                g.writeStartObject();
                g.writeStringField("id", requested.get(i).id());
                if (o.isOk()) {
                    g.writeStringField("status", "ok");
                    g.writeBooleanField("replayed", o.replayed());
                    g.writeFieldName("transfer");
                    TransferJson.write(g, o.value());
                } else {
                    g.writeStringField("status", "error");
                    g.writeObjectFieldStart("error");
                    g.writeStringField("code", o.error().code());
                    g.writeStringField("detail", o.detail());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
