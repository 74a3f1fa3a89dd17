package dev.farthing.server.http.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The screening state of customers, durable on its own {@link RecordLog} ({@code DATA/customers/screening}):
 * every screening result (list version and hash, the hits with each listed entry's content hash) and every
 * verdict (who, why, when, expiry) is one JSON event (explanations excepted: they quote personal data), fsynced
 * before it is applied and replayed on open, so
 * the log is the audit trail. One writer: methods are synchronized. Times are ledger time in ns.
 */
final class ScreeningBook implements AutoCloseable {
    private static final int EVENT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A hit as recorded: {@code entryHash} fingerprints the listed entry, so a changed entry is a new hit. */
    record Hit(String entityId, String list, String name, String matchedName, double score, List<String> explanation,
               String entryHash) {
    }

    /** The latest screening of a customer; {@code status} clear, potential_match or confirmed_match. */
    record Screen(String status, String listVersion, String listHash, long at, List<Hit> hits) {
    }

    /** A compliance decision on one hit; a false positive with an unexpired, unchanged entry is not raised again. */
    record Verdict(String entityId, String verdict, String reason, String by, long at, Long expiresAt,
                   String listVersion, String listHash, String entryHash) {
        boolean allows(Hit h, long now) {
            return verdict.equals("false_positive") && entryHash.equals(h.entryHash())
                    && (expiresAt == null || expiresAt > now);
        }
    }

    private final RecordLog log;
    private final Map<String, Screen> screens = new HashMap<>();
    private final Map<String, Map<String, Verdict>> verdicts = new HashMap<>();
    private String rescreenedVersion;

    private ScreeningBook(RecordLog log) {
        this.log = log;
        log.replay(log.startPosition(), this::replay);
    }

    static ScreeningBook open(Path dir) {
        return new ScreeningBook(RecordLog.open(dir));
    }

    synchronized Optional<Screen> screen(String customerId) {
        return Optional.ofNullable(screens.get(customerId));
    }

    synchronized Map<String, Verdict> verdicts(String customerId) {
        return Map.copyOf(verdicts.getOrDefault(customerId, Map.of()));
    }

    /** The list version every customer was last re-screened against (null: never). */
    synchronized String rescreenedVersion() {
        return rescreenedVersion;
    }

    /** True when the customer has a confirmed sanctions hit standing. */
    synchronized boolean confirmed(String customerId) {
        Screen s = screens.get(customerId);
        return s != null && s.status().equals("confirmed_match");
    }

    synchronized Screen recordScreen(String customerId, Screen s) {
        ObjectNode e = JSON.createObjectNode().put("kind", "screened").put("customer_id", customerId)
                .put("status", s.status()).put("list_version", s.listVersion()).put("list_hash", s.listHash())
                .put("at", s.at());
        ArrayNode hits = e.putArray("hits");
        for (Hit h : s.hits()) {
            ObjectNode o = hits.addObject().put("entity_id", h.entityId()).put("list", h.list()).put("name", h.name())
                    .put("matched_name", h.matchedName()).put("score", h.score()).put("entry_hash", h.entryHash());
        }
        commit(e);
        // explanations quote the customer's own name words and birth year, which live only in the (erasable)
        // vault: they are kept in memory for the reviewer, never written to this log
        screens.put(customerId, s);
        return s;
    }

    synchronized void recordVerdict(String customerId, Verdict v) {
        ObjectNode e = JSON.createObjectNode().put("kind", "verdict").put("customer_id", customerId)
                .put("entity_id", v.entityId()).put("verdict", v.verdict()).put("reason", v.reason())
                .put("by", v.by()).put("at", v.at()).put("list_version", v.listVersion())
                .put("list_hash", v.listHash()).put("entry_hash", v.entryHash());
        if (v.expiresAt() != null) {
            e.put("expires_at", v.expiresAt());
        }
        commit(e);
    }

    synchronized void recordRescreened(String listVersion, int customers) {
        commit(JSON.createObjectNode().put("kind", "rescreened").put("list_version", listVersion).put("customers", customers));
    }

    private void commit(ObjectNode event) {
        try {
            log.appendAndSync(EVENT, JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apply(event);
    }

    private void replay(Record r) {
        if (r.type() != EVENT) {
            return;
        }
        try {
            apply((ObjectNode) JSON.readTree(r.payload()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable screening event at position " + r.position(), e);
        }
    }

    private void apply(ObjectNode e) {
        String customer = e.path("customer_id").asText();
        switch (e.path("kind").asText()) {
            case "screened" -> {
                List<Hit> hits = new ArrayList<>();
                for (JsonNode h : e.path("hits")) {
                    List<String> ex = new ArrayList<>();
                    h.path("explanation").forEach(x -> ex.add(x.asText()));
                    hits.add(new Hit(h.path("entity_id").asText(), h.path("list").asText(), h.path("name").asText(),
                            h.path("matched_name").asText(), h.path("score").asDouble(), List.copyOf(ex),
                            h.path("entry_hash").asText()));
                }
                screens.put(customer, new Screen(e.path("status").asText(), e.path("list_version").asText(),
                        e.path("list_hash").asText(), e.path("at").asLong(), List.copyOf(hits)));
            }
            case "verdict" -> verdicts.computeIfAbsent(customer, k -> new HashMap<>()).put(e.path("entity_id").asText(),
                    new Verdict(e.path("entity_id").asText(), e.path("verdict").asText(), e.path("reason").asText(),
                            e.path("by").asText(), e.path("at").asLong(),
                            e.has("expires_at") ? e.path("expires_at").asLong() : null,
                            e.path("list_version").asText(), e.path("list_hash").asText(), e.path("entry_hash").asText()));
            case "rescreened" -> rescreenedVersion = e.path("list_version").asText();
            default -> throw new IllegalStateException("unknown screening event " + e.path("kind").asText());
        }
    }

    @Override
    public synchronized void close() {
        log.close();
    }
}
