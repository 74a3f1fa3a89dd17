package dev.farthing.server.http.analytics;

import dev.farthing.customers.analytics.AnalyticsQuery;
import dev.farthing.customers.analytics.AnalyticsService;
import dev.farthing.customers.analytics.PrivacyBudget;
import dev.farthing.customers.analytics.PrivateAnswer;
import dev.farthing.server.Role;
import dev.farthing.server.http.ApiException;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Body;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Replies;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.audit.AuditTrail;
import io.javalin.http.Context;

import java.util.List;

/**
 * {@code POST /v1/analytics/query}: any key that may read (role auditor and up) is an analyst with its own privacy
 * budget, named by its key id. The budget is debited durably before the answer is computed; a query it cannot pay
 * for is 403 {@code privacy_budget_exhausted}. Each answered query is in the audit trail (what was asked, not the answer).
 */
final class AnalyticsRoutes {
    private static final int MAX_BODY = 4096;
    private final AnalyticsService service;
    private final Metrics metrics;
    private final AuditTrail trail;

    AnalyticsRoutes(AnalyticsService service, Metrics metrics, AuditTrail trail) {
        this.service = service;
        this.metrics = metrics;
        this.trail = trail;
    }

    List<Route> routes() {
        return List.of(Route.post("/v1/analytics/query", Role.AUDITOR, this::query));
    }

    private void query(Context ctx) {
        AnalyticsQuery q = AnalyticsJson.readQuery(Body.read(ctx, MAX_BODY));
        String analyst = Auth.principal(ctx).keyId();
        long total = service.config().budgetMicros();
        PrivateAnswer answer;
        try {
            answer = service.query(analyst, q);
        } catch (AnalyticsService.Refused e) {
            throw ApiException.invalid(e.field() + " " + e.getMessage());
        } catch (PrivacyBudget.Exhausted e) {
            AnalyticsProblems.write(ctx, metrics, 403, AnalyticsProblems.PRIVACY_BUDGET_EXHAUSTED, e.getMessage(),
                    g -> AnalyticsJson.budget(g, total - e.remainingMicros(), e.remainingMicros(), total));
            return;
        }
        trail.record(ctx, "analytics.query", "analyst:" + analyst, null, AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("query", answer.query().describe());
            g.writeNumberField("groups_released", answer.groups().size());
            g.writeEndObject();
        }));
        Replies.json(ctx, 200, Json.bytes(AnalyticsJson.answer(answer, total)));
    }
}
