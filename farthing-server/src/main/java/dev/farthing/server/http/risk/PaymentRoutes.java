package dev.farthing.server.http.risk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.risk.engine.RiskRefusal;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.LabelSource;
import dev.farthing.risk.review.TrainingLabel;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.InvalidField;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Paging;
import dev.farthing.server.http.PaymentGate;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.stepup.ChallengeBody;
import dev.farthing.server.http.stepup.StepUp;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code /v1/payments}: decide a payment, list or read them, record a challenge outcome or a training label. */
final class PaymentRoutes {
    /** A payment body with generous telemetry fits in a few KiB; anything near this is not a payment. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PaymentRoutes.class);
    private final RiskEngine engine;
    private final Metrics metrics;
    private final PaymentGate gate;
    private final RiskAudit audit;
    private final StepUp stepUp;
    private final EntityLinks links;
    private final List<PaymentObserver> observers;

    PaymentRoutes(RiskEngine engine, Metrics metrics, PaymentGate gate, RiskAudit audit, StepUp stepUp,
                  EntityLinks links, List<PaymentObserver> observers) {
        this.engine = engine;
        this.metrics = metrics;
        this.gate = gate;
        this.audit = audit;
        this.stepUp = stepUp;
        this.links = links;
        this.observers = observers;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/v1/payments", Role.OPERATOR, this::submit),
                Route.get("/v1/payments", Role.AUDITOR, this::list),
                Route.get("/v1/payments/{id}", Role.AUDITOR, this::lookup),
                Route.post("/v1/payments/{id}/challenge", Role.OPERATOR, this::challenge),
                Route.post("/v1/payments/{id}/label", Role.OPERATOR, this::label));
    }

    /**
     * Money and identity fields are strict (400 {@code invalid_payment} naming the field); optional signals that
     * are wrong are left out and listed in the reply's {@code warnings}. A request that names an account or a
     * currency the ledger does not have is refused before anything is decided, so its id stays free.
     */
    private void submit(Context ctx) {
        JsonNode tree = JsonIn.tree(Body.read(ctx, MAX_BODY_BYTES));
        PaymentRequestJson.Parsed parsed;
        try {
            parsed = PaymentRequestJson.read(tree);
        } catch (InvalidField e) {
            RiskProblems.write(ctx, metrics, 400, RiskProblems.INVALID_PAYMENT, e.getMessage(), g -> g.writeStringField("field", e.field()));
            return;
        }
        if (!parsed.warnings().isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("payment {}: optional signals left out: {}", parsed.payment().id(), parsed.warnings());
        }
        PaymentRequest payment = PaymentPseudonyms.pseudonymise(parsed.payment(), gate);
        PaymentGate.Ticket ticket = gate.admit("payment:" + payment.id(), payment.payer(), payment.payee(), payment.currency(),
                debitedBy(payment));
        if (ticket.refused()) {
            ticket.refusal().write(ctx, metrics);
            return;
        }
        boolean nothingMoved = false;
        try {
            CompletableFuture<PaymentResult> decided = engine.submit(payment, dev.farthing.server.http.Auth.principal(ctx).keyId());
            PaymentResult result;
            try {
                result = RiskCalls.await(decided);
            } catch (ApiException e) {
                nothingMoved = decided.isCompletedExceptionally() && decided.exceptionNow() instanceof RiskRefusal r
                        && NOTHING_MOVED.contains(r.reason());
                if (decided.isCompletedExceptionally() && decided.exceptionNow() instanceof RiskRefusal r && r.field() != null) {
                    RiskProblems.write(ctx, metrics, e.status(), e.code(), e.detail(), g -> g.writeStringField("field", r.field()));
                    return;
                }
                throw e;
            }
            // a repeat moved nothing new: what the first answer moved was counted when it was decided
            nothingMoved = result.replayed() || result.status() == PaymentStatus.NONE;
            if (!result.replayed()) {
                audit.record(ctx, "payment.decided", result.id(), null, result, g -> {
                    g.writeNumberField("amount", payment.amount());
                    g.writeStringField("currency", payment.currency());
                    g.writeStringField("payer", payment.payer());
                    g.writeStringField("payee", payment.payee());
                });
                links.record(payment, result);
            }
            if (!nothingMoved) {
                observe(payment, result, dev.farthing.server.http.Auth.principal(ctx).keyId());
            }
            Replies.json(ctx, result.replayed() ? 200 : 201, RiskJson.payment(result, parsed.warnings(),
                    g -> stepUp.writeChallenge(g, result, payment.payer())));
        } finally {
            gate.settle(ticket, !nothingMoved);
        }
    }

    private void observe(PaymentRequest payment, PaymentResult result, String keyId) {
        for (PaymentObserver o : observers) {
            try {
                o.paid(payment, result, keyId);
            } catch (RuntimeException e) {
                LOG.warn("payment observer failed on {}: {}", payment.id(), e.toString());
            }
        }
    }

    /** Refusals that come before anything is decided or journaled (a timeout or a stop might still move money). */
    private static final java.util.Set<PaymentError> NOTHING_MOVED = java.util.EnumSet.of(PaymentError.NOT_FOUND,
            PaymentError.UNKNOWN_CURRENCY, PaymentError.CURRENCY_MISMATCH, PaymentError.IDEMPOTENCY_CONFLICT,
            PaymentError.OVERLOADED);

    /** What the payer is debited: the amount plus its fee (saturating: an overflow is refused by the ledger). */
    private static long debitedBy(PaymentRequest p) {
        long fee = p.fee() == null ? 0 : p.fee().amount();
        long total = p.amount() + fee;
        return total < 0 ? Long.MAX_VALUE : total;
    }

    /**
     * {@code GET /v1/payments?status=S&after=ID&limit=N}: payments in id order (the cursor is the last id of a page),
     * of one status or all, as far as the engine holds them in memory: every held or ledger-pending payment, and
     * the newest settled ones up to its memory bound.
     */
    private void list(Context ctx) {
        String statusParam = ctx.queryParam("status");
        PaymentStatus status = statusParam == null || statusParam.equals("all") ? null : Enums.paymentStatus(statusParam);
        int limit = Paging.limit(ctx);
        String after = Paging.cursor(ctx, "after");
        List<PaymentResult> found = engine.payments(status, after, limit + 1);
        List<PaymentResult> page = found.size() > limit ? found.subList(0, limit) : found;
        Paging.reply(ctx, page, found.size() > limit ? page.getLast().id() : null, RiskJson::writeLookedUp);
    }

    private void lookup(Context ctx) {
        String id = Replies.idParam(ctx, "payment id");
        PaymentResult r = engine.lookup(id).orElseThrow(() -> ApiException.notFound("no payment " + id));
        Replies.json(ctx, 200, RiskJson.lookedUp(r, g -> stepUp.writeChallenge(g, r, null)));
    }

    private void challenge(Context ctx) {
        String id = Replies.idParam(ctx, "payment id");
        ChallengeBody body = JsonIn.read(Body.read(ctx, 16 * 1024), ChallengeBody::read);
        PaymentResult now = engine.lookup(id).orElseThrow(() -> ApiException.notFound("no payment " + id));
        // A challenged payment is released only through the step-up, whatever its status now (a claim to pass
        // while its legs are still in flight finds no open challenge); a failed step-up needs no proof.
        boolean claimsPass = body.hasProof() || Boolean.TRUE.equals(body.passed());
        if (now.decision() == dev.farthing.contracts.payment.Decision.CHALLENGED && (claimsPass || StepUp.awaitsStepUp(now))) {
            try {
                stepUp.prove(now, body);
            } catch (ApiException refused) {
                audit.record(ctx, "payment.challenge_refused", id, null, RiskAudit.one("code", refused.code()));
                throw refused;
            }
        }
        // Anything else goes to the engine, which says why it cannot (invalid_state, already_resolved, hold_expired).
        boolean passed = body.hasProof();
        String before = RiskAudit.state(now, null);
        PaymentResult after = RiskCalls.await(engine.challenge(id, passed));
        String method = body.webauthn() != null ? "webauthn" : body.code() != null ? "code" : "none";
        audit.record(ctx, "payment.challenge", id, before, after, g -> {
            g.writeBooleanField("passed", passed);
            g.writeStringField("proof", method);
        });
        Replies.json(ctx, 200, RiskJson.payment(after));
    }

    private void label(Context ctx) {
        String id = Replies.idParam(ctx, "payment id");
        LabelBody body = JsonIn.read(Body.read(ctx, 4096), PaymentRoutes::readLabel);
        TrainingLabel stored = RiskCalls.await(engine.label(id, body.label(), body.source()));
        audit.record(ctx, "payment.labelled", id, null, engine.lookup(id).orElseThrow(), g -> {
            g.writeStringField("label", body.label().wire());
            g.writeStringField("source", body.source().wire());
        });
        metrics.label(stored.label().wire());
        Replies.json(ctx, 201, RiskJson.label(stored));
    }

    record LabelBody(FraudLabel label, LabelSource source) {
    }

    /** {@code {"label": "fraud"|"legit", "source": "chargeback"|"dispute"|"review"}}, both required. */
    private static LabelBody readLabel(JsonIn in) {
        in.startObject("");
        FraudLabel label = null;
        LabelSource source = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "label" -> label = Enums.label(in, f);
                case "source" -> source = Enums.source(in, f);
                default -> throw in.unknownField(f);
            }
        }
        if (label == null || source == null) {
            throw in.invalid(label == null ? "label" : "source", "is required");
        }
        return new LabelBody(label, source);
    }
}
