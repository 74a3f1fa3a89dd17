package dev.farthing.server.http.ledger;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.LedgerCalls;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.util.List;

/** {@code /v1/accounts}: open, read, freeze, unfreeze, close, and list an account's transfers. */
public final class AccountRoutes {
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_CURSOR_LENGTH = 512;
    private final Ledger ledger;

    public AccountRoutes(Ledger ledger) {
        this.ledger = ledger;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/v1/accounts", Role.OPERATOR, this::create),
                Route.get("/v1/accounts/{id}", Role.AUDITOR, this::lookup),
                Route.post("/v1/accounts/{id}/freeze", Role.OPERATOR, ctx -> changeStatus(ctx, AccountStatus.FROZEN)),
                Route.post("/v1/accounts/{id}/unfreeze", Role.OPERATOR, ctx -> changeStatus(ctx, AccountStatus.OPEN)),
                Route.post("/v1/accounts/{id}/close", Role.OPERATOR, ctx -> changeStatus(ctx, AccountStatus.CLOSED)),
                Route.get("/v1/accounts/{id}/transfers", Role.AUDITOR, this::transfers));
    }

    private void create(Context ctx) {
        NewAccount account = JsonIn.read(Body.read(ctx), AccountJson::read);
        Outcome<AccountView> outcome = LedgerCalls.await(() -> ledger.createAccount(account));
        AccountView view = LedgerCalls.value(outcome);
        Replies.json(ctx, outcome.replayed() ? 200 : 201, AccountJson.bytes(view));
    }

    private void lookup(Context ctx) {
        String id = Replies.idParam(ctx, "account id");
        AccountView view = LedgerCalls.awaitValue(() -> ledger.lookupAccount(id));
        Replies.json(ctx, 200, AccountJson.bytes(view));
    }

    private void changeStatus(Context ctx, AccountStatus status) {
        String id = Replies.idParam(ctx, "account id");
        Replies.requireNoOptions(ctx);
        AccountView view = LedgerCalls.awaitValue(() -> ledger.changeAccountStatus(id, status));
        Replies.json(ctx, 200, AccountJson.bytes(view));
    }

    private void transfers(Context ctx) {
        String id = Replies.idParam(ctx, "account id");
        int limit = limit(ctx.queryParam("limit"));
        String cursor = cursor(ctx.queryParam("cursor"));
        Page<TransferView> page = LedgerCalls.awaitValue(() -> ledger.listAccountTransfers(id, limit, cursor));
        Replies.json(ctx, 200, Json.bytes(1024, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (TransferView t : page.items()) {
                TransferJson.write(g, t);
            }
            g.writeEndArray();
            g.writeStringField("next_cursor", page.nextCursor());
            g.writeEndObject();
        }));
    }

    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_PAGE;
        }
        if (raw.isEmpty() || raw.length() > 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.invalid("limit must be an integer 1.." + Ledger.MAX_PAGE);
        }
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > Ledger.MAX_PAGE) {
            throw ApiException.invalid("limit must be an integer 1.." + Ledger.MAX_PAGE);
        }
        return limit;
    }

    static String cursor(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > MAX_CURSOR_LENGTH || !raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.invalid("cursor is not one this server issued");
        }
        return raw;
    }
}
