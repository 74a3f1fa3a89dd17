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
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.util.List;

/** {@code /v1/accounts}: open, list, read, freeze, unfreeze, close, and list an account's transfers. */
public final class AccountRoutes {
    private final Ledger ledger;

    public AccountRoutes(Ledger ledger) {
        this.ledger = ledger;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/v1/accounts", Role.OPERATOR, this::create),
                Route.get("/v1/accounts", Role.AUDITOR, this::list),
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

    /** {@code GET /v1/accounts?after=ID&limit=N}: accounts in id order; the cursor is the last id of a page. */
    private void list(Context ctx) {
        int limit = Paging.limit(ctx);
        String after = Paging.cursor(ctx, "after");
        Page<AccountView> page = LedgerCalls.awaitValue(() -> ledger.listAccounts(after, limit));
        Paging.reply(ctx, page.items(), page.nextCursor(), AccountJson::write);
    }

    /** Newest first; the cursor ({@code after}, or {@code cursor} as this route first spelled it) is the ledger's. */
    private void transfers(Context ctx) {
        String id = Replies.idParam(ctx, "account id");
        int limit = Paging.limit(ctx);
        String after = Paging.cursor(ctx, "after");
        String cursor = after != null ? after : Paging.cursor(ctx, "cursor");
        Page<TransferView> page = LedgerCalls.awaitValue(() -> ledger.listAccountTransfers(id, limit, cursor));
        Paging.reply(ctx, page.items(), page.nextCursor(), TransferJson::write);
    }
}
