package dev.farthing.compliance.monitoring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.compliance.monitoring.AccountWindow.Movement;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.model.AccountKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The monitor's state as JSON, for the record log's snapshots: the ledger position it covers, the account windows
 * in least-recently-active order (so eviction after a restart is what it would have been), kinds and holds.
 */
final class MonitorSnapshot {
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitorSnapshot() {
    }

    static void write(MonitorState s, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("rules_version", s.rules.version());
            g.writeStringField("position", s.position.toString());
            g.writeNumberField("evictions", s.evictions);
            g.writeObjectFieldStart("kinds");
            for (Map.Entry<String, AccountKind> k : s.kinds.entrySet()) g.writeStringField(k.getKey(), k.getValue().wire());
            g.writeEndObject();
            g.writeArrayFieldStart("pending");
            for (Map.Entry<String, MonitorState.Hold> h : s.pending.entrySet()) {
                g.writeStartArray();
                g.writeString(h.getKey());
                g.writeString(h.getValue().debit());
                g.writeString(h.getValue().credit());
                g.writeString(h.getValue().currency());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("accounts");
            for (Map.Entry<String, AccountWindow> a : s.accounts.entrySet()) account(g, a.getKey(), a.getValue());
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void account(JsonGenerator g, String id, AccountWindow w) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeNumberField("last", w.lastActivity);
        g.writeNumberField("woken", w.wokenAt);
        g.writeObjectFieldStart("alerted");
        for (Map.Entry<Scenario, Long> e : w.lastAlertAt.entrySet()) g.writeNumberField(e.getKey().wire(), e.getValue());
        g.writeEndObject();
        g.writeArrayFieldStart("cash");
        for (Map.Entry<String, AccountWindow.CashDay> e : w.cash.entrySet()) {
            AccountWindow.CashDay c = e.getValue();
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeNumber(c.day);
            g.writeNumber(c.in);
            g.writeNumber(c.out);
            g.writeBoolean(c.inAlerted);
            g.writeBoolean(c.outAlerted);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("moves");
        for (Movement m : w.movements) {
            g.writeStartArray();
            g.writeString(m.transferId());
            g.writeString(m.counterparty());
            g.writeNumber(m.amount());
            g.writeString(m.currency());
            g.writeNumber(m.at());
            g.writeBoolean(m.in());
            g.writeBoolean(m.cash());
            g.writeBoolean(m.business());
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Fills a fresh state from a snapshot written by {@link #write}. */
    static void read(InputStream in, MonitorState s) throws IOException {
        JsonNode root = JSON.readTree(in);
        if (root.path("format").asInt() != FORMAT) {
            throw new IOException("monitor snapshot format " + root.path("format") + " is not " + FORMAT);
        }
        s.position = EventPosition.parse(root.path("position").asText());
        s.evictions = root.path("evictions").asLong();
        root.path("kinds").properties().forEach(k -> s.kinds.put(k.getKey(), AccountKind.fromWire(k.getValue().asText())));
        for (JsonNode h : root.path("pending")) {
            s.pending.put(h.get(0).asText(), new MonitorState.Hold(h.get(1).asText(), h.get(2).asText(), h.get(3).asText()));
        }
        for (JsonNode a : root.path("accounts")) {
            AccountWindow w = new AccountWindow();
            w.lastActivity = a.path("last").asLong();
            w.wokenAt = a.path("woken").asLong();
            a.path("alerted").properties().forEach(e -> w.lastAlertAt.put(Scenario.fromWire(e.getKey()), e.getValue().asLong()));
            for (JsonNode c : a.path("cash")) {
                AccountWindow.CashDay d = new AccountWindow.CashDay();
                d.day = c.get(1).asLong();
                d.in = c.get(2).asLong();
                d.out = c.get(3).asLong();
                d.inAlerted = c.get(4).asBoolean();
                d.outAlerted = c.get(5).asBoolean();
                w.cash.put(c.get(0).asText(), d);
            }
            for (JsonNode m : a.path("moves")) {
                w.movements.addLast(new Movement(m.get(0).asText(), m.get(1).asText(), m.get(2).asLong(), m.get(3).asText(),
                        m.get(4).asLong(), m.get(5).asBoolean(), m.get(6).asBoolean(), m.get(7).asBoolean()));
            }
            s.accounts.put(a.path("id").asText(), w);
        }
    }
}
