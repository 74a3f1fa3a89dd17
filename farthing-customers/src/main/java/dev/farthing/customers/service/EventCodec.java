package dev.farthing.customers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.customers.customer.CustomerType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Customer events as JSON objects with a {@code t} type field: readable with any tool, versioned by field. */
final class EventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {
    }

    static byte[] encode(CustomerEvent event) {
        ObjectNode o = JSON.createObjectNode();
        switch (event) {
            case CustomerEvent.Created c -> {
                o.put("t", "created").put("id", c.id()).put("type", c.type().wire()).put("country", c.country())
                        .put("zone", c.zone()).put("at", c.at()).put("name_ps", c.namePseudonym())
                        .put("email_ps", c.emailPseudonym()).put("pii_ref", c.piiRef());
                c.accountIds().forEach(o.putArray("accounts")::add);
            }
            case CustomerEvent.Verified v -> o.put("t", "verified").put("id", v.id()).put("tier", v.tier())
                    .put("evidence_ref", v.evidenceRef()).put("verified_by", v.verifiedBy()).put("at", v.at())
                    .put("jurisdiction", v.jurisdiction()).put("profile_version", v.profileVersion());
            case CustomerEvent.Frozen f -> o.put("t", "frozen").put("id", f.id()).put("frozen", f.frozen())
                    .put("by", f.by()).put("reason", f.reason()).put("at", f.at());
            case CustomerEvent.Reserved r -> o.put("t", "reserved").put("payment", r.paymentId())
                    .put("customer", r.customerId()).put("currency", r.currency()).put("amount", r.amount())
                    .put("at", r.at());
            case CustomerEvent.Released r -> o.put("t", "released").put("payment", r.paymentId());
            case CustomerEvent.PersonalDataRead r -> o.put("t", "pii_read").put("id", r.id()).put("who", r.who())
                    .put("role", r.role()).put("reason", r.reason()).put("at", r.at());
            case CustomerEvent.Erased e -> {
                o.put("t", "erased").put("id", e.id()).put("at", e.at()).put("by", e.by()).put("reason", e.reason())
                        .put("key_destroyed", e.keyDestroyed()).put("why", e.why()).put("basis", e.basis())
                        .put("kept_until", e.keptUntil()).put("pii_ref", e.piiRef());
                e.erasedFields().forEach(o.putArray("erased")::add);
                e.keptFields().forEach(o.putArray("kept")::add);
            }
            case CustomerEvent.HoldChanged h -> o.put("t", "hold").put("id", h.id()).put("case", h.caseRef())
                    .put("by", h.by()).put("at", h.at());
        }
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + event, e);
        }
    }

    static CustomerEvent decode(byte[] bytes) {
        JsonNode o;
        try {
            o = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("a customer log record is not JSON: " + e.getMessage(), e);
        }
        String t = o.path("t").asText();
        return switch (t) {
            case "created" -> {
                List<String> accounts = new ArrayList<>();
                o.path("accounts").forEach(a -> accounts.add(a.asText()));
                yield new CustomerEvent.Created(s(o, "id"), CustomerType.fromWire(s(o, "type")), s(o, "country"),
                        s(o, "zone"), accounts, o.path("at").asLong(), s(o, "name_ps"), s(o, "email_ps"), s(o, "pii_ref"));
            }
            case "verified" -> new CustomerEvent.Verified(s(o, "id"), o.path("tier").asInt(), s(o, "evidence_ref"),
                    s(o, "verified_by"), o.path("at").asLong(), s(o, "jurisdiction"), s(o, "profile_version"));
            case "frozen" -> new CustomerEvent.Frozen(s(o, "id"), o.path("frozen").asBoolean(), s(o, "by"),
                    s(o, "reason"), o.path("at").asLong());
            case "reserved" -> new CustomerEvent.Reserved(s(o, "payment"), s(o, "customer"), s(o, "currency"),
                    o.path("amount").asLong(), o.path("at").asLong());
            case "released" -> new CustomerEvent.Released(s(o, "payment"));
            case "pii_read" -> new CustomerEvent.PersonalDataRead(s(o, "id"), s(o, "who"), s(o, "role"),
                    s(o, "reason"), o.path("at").asLong());
            case "erased" -> new CustomerEvent.Erased(s(o, "id"), o.path("at").asLong(), s(o, "by"), s(o, "reason"),
                    strings(o, "erased"), o.path("key_destroyed").asBoolean(), strings(o, "kept"), s(o, "why"),
                    s(o, "basis"), o.path("kept_until").asLong(), s(o, "pii_ref"));
            case "hold" -> new CustomerEvent.HoldChanged(s(o, "id"), s(o, "case"), s(o, "by"), o.path("at").asLong());
            default -> throw new IllegalStateException("unknown customer log record type '" + t + "'");
        };
    }

    private static List<String> strings(JsonNode o, String field) {
        List<String> out = new ArrayList<>();
        o.path(field).forEach(v -> out.add(v.asText()));
        return out;
    }

    private static String s(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
