package dev.farthing.server.http.risk;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Problems;
import io.javalin.http.Context;

import java.io.IOException;

/**
 * Problem details with extension members the shared renderer does not carry: {@code field} for a bad payment
 * body, {@code errors} (rule, line, column) for a policy that does not compile.
 */
final class RiskProblems {
    private RiskProblems() {
    }

    interface Extra {
        void write(JsonGenerator g) throws IOException;
    }

    static void write(Context ctx, Metrics metrics, int status, String code, String detail, Extra extra) {
        metrics.refusal(code);
        ctx.status(status);
        ctx.contentType(Problems.CONTENT_TYPE);
        ctx.result(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", Problems.TYPE_BASE + code);
            g.writeStringField("title", Problems.titleOf(code));
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            g.writeStringField("code", code);
            extra.write(g);
            g.writeEndObject();
        }));
    }
}
