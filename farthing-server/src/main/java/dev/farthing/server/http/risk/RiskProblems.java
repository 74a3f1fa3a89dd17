package dev.farthing.server.http.risk;

import dev.farthing.server.http.Json;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Problems;
import io.javalin.http.Context;

/**
 * Problem details with extension members: {@code field} for a bad payment body, {@code errors} (rule, line,
 * column) for a policy that does not compile.
 */
public final class RiskProblems {
    /** A payment body that breaks the contract of a money or identity field (400, with {@code field}). */
    public static final String INVALID_PAYMENT = "invalid_payment";
    /** A model whose features the live schema does not provide (422). */
    public static final String MODEL_FEATURES_MISMATCH = "model_features_mismatch";
    /** A review decided by a key whose role is not {@code reviewer} (admin included): four eyes (403). */
    public static final String REVIEWER_REQUIRED = "reviewer_required";
    /** A review decided by the key that submitted the payment (403). */
    public static final String OWN_PAYMENT = "own_payment";

    private RiskProblems() {
    }

    static void write(Context ctx, Metrics metrics, int status, String code, String detail, Json.Writer extensions) {
        metrics.refusal(code);
        ctx.status(status);
        ctx.contentType(Problems.CONTENT_TYPE);
        ctx.result(Problems.render(status, code, detail, extensions));
    }
}
