package dev.farthing.server.http.risk;

import dev.farthing.risk.engine.PaymentResult;
import dev.farthing.risk.engine.RiskEngine;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.ReviewStatus;
import dev.farthing.risk.review.Verdict;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.JsonIn;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import io.javalin.http.Context;

import java.util.List;

/** {@code /v1/reviews}: the queue of payments held for review, and verdicts on them. */
final class ReviewRoutes {
    static final int MAX_LIMIT = 1_000;
    private final RiskEngine engine;
    private final RiskAudit audit;
    private final Metrics metrics;

    ReviewRoutes(RiskEngine engine, RiskAudit audit, Metrics metrics) {
        this.engine = engine;
        this.audit = audit;
        this.metrics = metrics;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/v1/reviews", Role.AUDITOR, this::list),
                Route.post("/v1/reviews/{id}", Role.REVIEWER, this::decide));
    }

    private void list(Context ctx) {
        String statusParam = ctx.queryParam("status");
        ReviewStatus status = statusParam == null ? ReviewStatus.OPEN : ReviewStatus.parse(statusParam);
        if (status == null && !"all".equals(statusParam)) {
            throw ApiException.invalid("status must be open, approved, declined, expired or all");
        }
        int limit = limit(ctx.queryParam("limit"));
        Replies.json(ctx, 200, RiskJson.reviews(engine.reviews(status, limit)));
    }

    private static int limit(String param) {
        if (param == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(param);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalid("limit must be an integer 1.." + MAX_LIMIT);
    }

    private void decide(Context ctx) {
        String id = Replies.idParam(ctx, "payment id");
        VerdictBody body = JsonIn.read(Body.read(ctx, 4096), ReviewRoutes::readVerdict);
        FourEyes.requireReviewerOtherThanSubmitter(ctx, engine, id);
        String before = audit.stateNow(id);
        PaymentResult decided = RiskCalls.await(engine.review(id, body.verdict(), body.label()));
        audit.record(ctx, "review.decided", id, before, decided, g -> {
            g.writeStringField("verdict", body.verdict().wire());
            g.writeStringField("label", body.label() == null ? null : body.label().wire());
        });
        if (body.label() != null) {
            metrics.label(body.label().wire());
        }
        Replies.json(ctx, 200, RiskJson.payment(decided));
    }

    record VerdictBody(Verdict verdict, FraudLabel label) {
    }

    /** {@code {"verdict": "approve"|"decline", "label": "fraud"|"legit"}}; the label is optional. */
    private static VerdictBody readVerdict(JsonIn in) {
        in.startObject("");
        Verdict verdict = null;
        FraudLabel label = null;
        String f;
        while ((f = in.nextField()) != null) {
            switch (f) {
                case "verdict" -> verdict = Enums.verdict(in, f);
                case "label" -> label = in.isNull() ? null : Enums.label(in, f);
                default -> throw in.unknownField(f);
            }
        }
        if (verdict == null) {
            throw in.invalid("verdict", "is required (approve or decline)");
        }
        return new VerdictBody(verdict, label);
    }
}
