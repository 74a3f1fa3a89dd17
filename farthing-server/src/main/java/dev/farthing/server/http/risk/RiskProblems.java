package dev.farthing.server.http.risk;

import dev.farthing.server.http.Json;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Problems;
import io.javalin.http.Context;

/**
 * Problem details with extension members: {@code field} for a bad payment body, {@code errors} (rule, line,
 * column) for a policy that does not compile.
 */
final class RiskProblems {
    private RiskProblems() {
    }

    static void write(Context ctx, Metrics metrics, int status, String code, String detail, Json.Writer extensions) {
        metrics.refusal(code);
        ctx.status(status);
        ctx.contentType(Problems.CONTENT_TYPE);
        ctx.result(Problems.render(status, code, detail, extensions));
    }
}
