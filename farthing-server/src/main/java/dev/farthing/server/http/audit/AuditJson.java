package dev.farthing.server.http.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.farthing.audit.AuditRecord;
import dev.farthing.audit.AuditVerification;
import dev.farthing.server.http.Json;
import dev.farthing.server.http.Times;

import java.io.IOException;

/** The audit trail's JSON: a record as stored (states as the exact strings that were hashed), a verification. */
final class AuditJson {
    private AuditJson() {
    }

    static void writeRecord(JsonGenerator g, AuditRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("sequence", r.sequence());
        g.writeStringField("time", Times.format(r.timeNanos()));
        g.writeStringField("actor", r.event().actor());
        g.writeStringField("role", r.event().role());
        g.writeStringField("action", r.event().action());
        g.writeStringField("subject", r.event().subject());
        g.writeStringField("before", r.event().before());
        g.writeStringField("after", r.event().after());
        g.writeStringField("previous_hash", r.previousHashHex());
        g.writeStringField("hash", r.hashHex());
        g.writeEndObject();
    }

    static byte[] verification(AuditVerification v) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeBooleanField("ok", v.ok());
            g.writeNumberField("records", v.records());
            g.writeStringField("head_hash", v.headHash());
            if (v.ok()) {
                g.writeNullField("bad_sequence");
            } else {
                g.writeNumberField("bad_sequence", v.badSequence());
            }
            g.writeStringField("problem", v.problem());
            g.writeStringField("verdict", v.verdict());
            g.writeEndObject();
        });
    }
}
