package dev.farthing.compliance.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One monitoring alert: the scenario, the subject (a ledger account), the window it looked at, the transfers that
 * made it, their total, the direction of the money ({@code in}, {@code out} or {@code both}), and why in words. {@code id} is derived from the scenario, the subject and the ledger
 * position of the movement that raised it, so the same history always gives the same alert (exactly once after a
 * restart). Times are ledger time in nanoseconds.
 */
public record Alert(String id, Scenario scenario, String rulesVersion, String subject, long windowFrom, long windowTo,
                    List<String> transferIds, long amountMinor, String currency, String direction, String reason,
                    String position, long detectedAt) {
    /** An alert lists at most this many transfers (the newest); its reason gives the full count. */
    public static final int MAX_TRANSFERS = 50;

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(subject, "subject");
        transferIds = List.copyOf(transferIds);
        if (windowTo < windowFrom) throw new IllegalArgumentException("an alert's window ends before it starts");
        if (amountMinor < 0) throw new IllegalArgumentException("an alert's amount is not negative");
    }

    static String idOf(Scenario s, String subject, String position) {
        return s.wire() + ":" + subject + "@" + position;
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", id).put("scenario", scenario.wire())
                .put("rules_version", rulesVersion).put("subject", subject).put("window_from", windowFrom)
                .put("window_to", windowTo).put("amount", amountMinor).put("currency", currency).put("direction", direction).put("reason", reason)
                .put("position", position).put("detected_at", detectedAt);
        transferIds.forEach(o.putArray("transfer_ids")::add);
        return o;
    }

    public static Alert fromJson(JsonNode o) {
        List<String> transfers = new ArrayList<>();
        o.path("transfer_ids").forEach(t -> transfers.add(t.asText()));
        return new Alert(o.path("id").asText(), Scenario.fromWire(o.path("scenario").asText()),
                o.path("rules_version").asText(), o.path("subject").asText(), o.path("window_from").asLong(),
                o.path("window_to").asLong(), transfers, o.path("amount").asLong(), o.path("currency").asText(),
                o.path("direction").asText(), o.path("reason").asText(), o.path("position").asText(), o.path("detected_at").asLong());
    }
}
