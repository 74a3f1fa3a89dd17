package dev.farthing.client.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A channel as the server reports it; {@link #raw()} keeps every field. */
public record ChannelView(String id, String kind, String status, long deposit, long paid, long locked,
                          Long closingNonce, Long settledToA, Long settledToB, String settlementReason, JsonNode raw) {

    static ChannelView of(JsonNode j) {
        JsonNode closing = j.path("closing");
        JsonNode settlement = j.path("settlement");
        return new ChannelView(j.path("id").asText(), j.path("kind").asText(), j.path("status").asText(),
                j.path("deposit").asLong(), j.path("paid").asLong(), j.path("locked").asLong(),
                closing.isObject() ? closing.path("nonce").asLong() : null,
                settlement.isObject() ? settlement.path("to_a").asLong() : null,
                settlement.isObject() ? settlement.path("to_b").asLong() : null,
                settlement.isObject() ? settlement.path("reason").asText() : null, j);
    }
}
