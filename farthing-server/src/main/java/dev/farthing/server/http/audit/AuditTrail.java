package dev.farthing.server.http.audit;

import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.Json;
import dev.farthing.server.keys.KeyRegistry.Principal;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * How route handlers append to the audit trail: the actor is the request's key id and its role, read from
 * the authenticated principal, so a handler names only the action, the subject and the states. A decision
 * already taken (money moved, a verdict journaled) is not undone when the trail refuses an event (full,
 * stopped): the refusal is logged as an error with the whole event, so it is never lost in silence.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    /** For adapters opened without a trail (tests, tools). */
    public static final AuditTrail NONE = new AuditTrail(AuditSink.NONE);
    private final AuditSink sink;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
    }

    /** The sink itself, for domain modules that append on their own ({@code system:<module>} decisions). */
    public AuditSink sink() {
        return sink;
    }

    /** Appends what the request's key did; {@code before}/{@code after} are JSON (null when absent). */
    public void record(Context ctx, String action, String subject, String before, String after) {
        Principal p = Auth.principal(ctx);
        if (p == null) {
            throw new IllegalStateException("audit event " + action + " on a route without a key");
        }
        append(new AuditEvent(p.keyId(), p.role().wire(), action, subject, before, after));
    }

    /** Appends an automatic decision of {@code module} ({@code system:risk}, say). */
    public void system(String module, String action, String subject, String before, String after) {
        append(new AuditEvent("system:" + module, "system", action, subject, before, after));
    }

    /** Appends an event built elsewhere (an admin tool acting for a named key). */
    public void append(AuditEvent event) {
        try {
            sink.append(event);
        } catch (RuntimeException e) {
            LOG.error("AUDIT EVENT NOT RECORDED ({}): {}", e.getMessage(), event);
        }
    }

    /** A JSON state for before/after, written with a generator. */
    public static String state(Json.Writer writer) {
        return new String(Json.bytes(writer), StandardCharsets.UTF_8);
    }
}
