package dev.farthing.disputes.service;

import dev.farthing.disputes.model.Dispute;

import java.util.LinkedHashMap;
import java.util.Map;

/** A dispute's state for the audit trail, as canonical JSON (fixed key order): what a decision changed. */
final class AuditJson {
    private AuditJson() {
    }

    static String summary(Dispute d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", d.state().wire());
        m.put("tier", d.tier() == null ? null : d.tier().wire());
        m.put("outcome", d.outcome() == null ? null : d.outcome().wire());
        m.put("refund", d.refund());
        m.put("classification", d.classification() == null ? null : d.classification().wire());
        m.put("decided_by", d.decidedBy());
        m.put("automatic", d.automatic());
        m.put("evidence", d.evidence().size());
        m.put("money", d.money().status());
        m.put("refunded", d.money().refunded());
        return new String(DisputeStore.bytes(m), java.nio.charset.StandardCharsets.UTF_8);
    }
}
