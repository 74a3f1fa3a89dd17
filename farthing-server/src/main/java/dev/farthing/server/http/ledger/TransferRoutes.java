package dev.farthing.server.http.ledger;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.model.Validation;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.LedgerCalls;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Problems;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.util.List;

/** {@code /v1/transfers}: create one or a batch, read one, post or void a hold. */
public final class TransferRoutes {
    private final Ledger ledger;
    private final Metrics metrics;
    private final PaymentGate gate;

    public TransferRoutes(Ledger ledger, Metrics metrics) {
        this(ledger, metrics, PaymentGate.OPEN);
    }

    /** Transfers out of an account pass {@code gate} (KYC limits) before the ledger sees them. */
    public TransferRoutes(Ledger ledger, Metrics metrics, PaymentGate gate) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.gate = gate;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/v1/transfers", Role.OPERATOR, this::create),
                Route.get("/v1/transfers", Role.AUDITOR, this::list),
                Route.post("/v1/transfers/batch", Role.OPERATOR, this::batch),
                Route.get("/v1/transfers/{id}", Role.AUDITOR, this::lookup),
                Route.post("/v1/transfers/{id}/post", Role.OPERATOR, this::post),
                Route.post("/v1/transfers/{id}/void", Role.OPERATOR, this::voidHold));
    }

    private void create(Context ctx) {
        NewTransfer transfer = JsonIn.read(Body.read(ctx), TransferJson::read);
        PaymentGate.Ticket ticket = admit(transfer);
        if (ticket.refused()) {
            ticket.refusal().write(ctx, metrics);
            return;
        }
        boolean moved = true; // unless the ledger says otherwise: an unanswered transfer may still commit
        try {
            Outcome<TransferView> outcome = LedgerCalls.await(() -> ledger.createTransfer(transfer));
            moved = outcome.isOk() && !outcome.replayed();
            TransferView view = LedgerCalls.value(outcome);
            Replies.json(ctx, outcome.replayed() ? 200 : 201, TransferJson.bytes(view));
        } finally {
            gate.settle(ticket, moved);
        }
    }

    private PaymentGate.Ticket admit(NewTransfer t) {
        return gate.admit("transfer:" + t.id(), t.debitAccount(), t.creditAccount(), t.currency(), t.amount());
    }

    private void batch(Context ctx) {
        BatchJson.Request request = JsonIn.read(Body.read(ctx), BatchJson::read);
        List<PaymentGate.Ticket> tickets = new java.util.ArrayList<>(request.transfers().size());
        for (NewTransfer t : request.transfers()) {
            PaymentGate.Ticket ticket = admit(t);
            if (ticket.refused()) {
                tickets.forEach(admitted -> gate.settle(admitted, false));
                ticket.refusal().write(ctx, metrics); // one transfer over a limit refuses the batch: nothing moved
                return;
            }
            tickets.add(ticket);
        }
        List<Outcome<TransferView>> outcomes;
        try {
            outcomes = LedgerCalls.await(() -> ledger.createTransfers(request.transfers(), request.atomic()));
        } catch (RuntimeException e) {
            tickets.forEach(admitted -> gate.settle(admitted, true));
            throw e;
        }
        for (int i = 0; i < tickets.size(); i++) {
            Outcome<TransferView> o = i < outcomes.size() ? outcomes.get(i) : null;
            gate.settle(tickets.get(i), o == null || (o.isOk() && !o.replayed()));
        }
        if (outcomes.size() != request.transfers().size()) {
            throw new IllegalStateException("ledger answered " + outcomes.size() + " results for "
                    + request.transfers().size() + " transfers");
        }
        refuseWholeBatchIfLedgerRefusedAll(outcomes);
        refuseAtomicBatchTouchingSystemAccount(request.atomic(), outcomes);
        for (Outcome<TransferView> o : outcomes) {
            if (!o.isOk()) {
                metrics.refusal(o.error().code());
            }
        }
        Replies.json(ctx, 200, BatchJson.write(request.transfers(), outcomes));
    }

    /**
     * When the ledger refused the whole batch for its own state (breaker open, queue full, stopped), nothing
     * was applied: answer 503 with {@code Retry-After} like a single transfer would, not 200 with N copies.
     */
    private static void refuseWholeBatchIfLedgerRefusedAll(List<Outcome<TransferView>> outcomes) {
        Outcome<TransferView> first = outcomes.getFirst();
        if (first.isOk() || Problems.statusOf(first.error()) != 503) {
            return;
        }
        for (Outcome<TransferView> o : outcomes) {
            if (o.error() != first.error()) {
                return;
            }
        }
        throw ApiException.of(first.error(), first.detail());
    }

    /** An atomic batch naming a reserved account moved nothing: 403 {@code system_account}, as one transfer would. */
    private static void refuseAtomicBatchTouchingSystemAccount(boolean atomic, List<Outcome<TransferView>> outcomes) {
        if (!atomic) {
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome<TransferView> o = outcomes.get(i);
            if (o.error() == ErrorCode.SYSTEM_ACCOUNT) {
                throw ApiException.of(o.error(), "transfers[" + i + "]: " + o.detail() + "; nothing in the atomic"
                        + " batch was committed");
            }
        }
    }

    /**
     * {@code GET /v1/transfers?account=ID&after=CURSOR&limit=N}: the account's transfers, newest first. Pages are
     * stable while money moves: a transfer made after the first page does not push older ones onto the next.
     */
    private void list(Context ctx) {
        String account = ctx.queryParam("account");
        if (account == null || account.isEmpty()) {
            throw ApiException.invalid("account is required: GET /v1/transfers?account=ID lists that account's transfers");
        }
        if (account.length() > Validation.MAX_ID_LENGTH || !account.chars().allMatch(c -> Validation.isIdChar((char) c))) {
            throw ApiException.invalid("account must be 1.." + Validation.MAX_ID_LENGTH + " of A-Z a-z 0-9 . _ : -");
        }
        int limit = Paging.limit(ctx);
        String after = Paging.cursor(ctx, "after");
        Page<TransferView> page = LedgerCalls.awaitValue(() -> ledger.listAccountTransfers(account, limit, after));
        Paging.reply(ctx, page.items(), page.nextCursor(), TransferJson::write);
    }

    private void lookup(Context ctx) {
        String id = Replies.idParam(ctx, "transfer id");
        TransferView view = LedgerCalls.awaitValue(() -> ledger.lookupTransfer(id));
        Replies.json(ctx, 200, TransferJson.bytes(view));
    }

    private void post(Context ctx) {
        String id = Replies.idParam(ctx, "transfer id");
        byte[] body = Body.read(ctx, 4096);
        long amount = Body.isEmpty(body) ? 0 : JsonIn.read(body, TransferRoutes::readPostAmount);
        TransferView view = LedgerCalls.awaitValue(() -> ledger.postPending(id, amount));
        Replies.json(ctx, 200, TransferJson.bytes(view));
    }

    /** {@code {}} or {@code {amount}}: 0 means post the whole hold. */
    private static long readPostAmount(JsonIn in) {
        in.startObject("");
        long amount = 0;
        String f;
        while ((f = in.nextField()) != null) {
            if (!f.equals("amount")) {
                throw in.unknownField(f);
            }
            amount = in.isNull() ? 0 : in.amount(f);
        }
        return amount;
    }

    private void voidHold(Context ctx) {
        String id = Replies.idParam(ctx, "transfer id");
        Replies.requireNoOptions(ctx);
        TransferView view = LedgerCalls.awaitValue(() -> ledger.voidPending(id));
        Replies.json(ctx, 200, TransferJson.bytes(view));
    }
}
