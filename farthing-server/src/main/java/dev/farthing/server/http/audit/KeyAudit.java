package dev.farthing.server.http.audit;

import dev.farthing.audit.AuditLog;
import dev.farthing.audit.AuditQuery;
import dev.farthing.audit.AuditRecord;
import dev.farthing.contracts.audit.AuditEvent;
import dev.farthing.server.keys.StoredKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * API keys are created and revoked on the host ({@code farthing keys create|revoke} edits {@code keys.json}),
 * not through a route, so the server audits them from the key store: every time it loads the store (at start
 * and whenever the file changes), a key with no {@code key.created} record gets one, and a revoked key with no
 * {@code key.revoked} record gets one. Changes made while the server was stopped are caught at the next start.
 * The actor is {@code system:keys} (the host's key tool has no API key of its own).
 */
public final class KeyAudit {
    static final String ACTOR = "system:keys";
    private static final Logger LOG = LoggerFactory.getLogger(KeyAudit.class);
    private final AuditLog log;

    public KeyAudit(AuditLog log) {
        this.log = log;
    }

    /** Appends what the trail lacks; a trail that refuses is logged, never a reason to refuse the key store. */
    public synchronized void reconcile(List<StoredKey> keys) {
        try {
            appendMissing(keys);
        } catch (RuntimeException e) {
            LOG.error("AUDIT: key store changes not recorded: {}", e.getMessage());
        }
    }

    private void appendMissing(List<StoredKey> keys) {
        for (StoredKey k : keys) {
            String subject = "key:" + k.id();
            List<AuditRecord> seen = log.query(new AuditQuery(subject, null, "key.", null, null, 0, 10)).records();
            boolean created = seen.stream().anyMatch(r -> r.event().action().equals("key.created"));
            boolean revoked = seen.stream().anyMatch(r -> r.event().action().equals("key.revoked"));
            if (!created) {
                log.append(new AuditEvent(ACTOR, "system", "key.created", subject, null, state(k, false)));
            }
            if (!k.active() && !revoked) {
                log.append(new AuditEvent(ACTOR, "system", "key.revoked", subject, state(k, false), state(k, true)));
            }
        }
    }

    private static String state(StoredKey k, boolean withRevocation) {
        return AuditTrail.state(g -> {
            g.writeStartObject();
            g.writeStringField("role", k.role().wire());
            g.writeStringField("label", k.label());
            g.writeStringField("created_at", k.createdAt().toString());
            if (withRevocation) {
                g.writeStringField("revoked_at", k.revokedAt().toString());
            }
            g.writeEndObject();
        });
    }
}
