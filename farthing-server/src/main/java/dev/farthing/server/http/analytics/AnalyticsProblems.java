package dev.farthing.server.http.analytics;

import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Problems;
import io.javalin.http.Context;

/** The analytics refusal codes (collected by ApiContractTest.producibleCodes) and how they are written. */
final class AnalyticsProblems {
    /** The analyst's privacy budget cannot pay for the query's epsilon; nothing was spent. */
    public static final String PRIVACY_BUDGET_EXHAUSTED = "privacy_budget_exhausted";

    private AnalyticsProblems() {
    }

    static void write(Context ctx, Metrics metrics, int status, String code, String detail, Json.Writer extensions) {
        if (metrics != null) {
            metrics.refusal(code);
        }
        ctx.status(status);
        ctx.contentType(Problems.CONTENT_TYPE);
        ctx.result(Problems.render(status, code, detail, extensions));
    }
}
