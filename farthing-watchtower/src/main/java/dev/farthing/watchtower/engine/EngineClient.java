package dev.farthing.watchtower.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.watchtower.follow.ChannelEvent;
import dev.farthing.watchtower.follow.EventPage;
import dev.farthing.watchtower.follow.EventSource;
import dev.farthing.watchtower.follow.PenaltySubmitter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The engine's HTTP API as the tower uses it: the channel event stream ({@code GET /v1/channels/events},
 * auditor role or above) and penalty submission ({@code POST /v1/channels/{id}/dispute} with the revocation
 * secret, operator role). One key with the operator role serves both.
 */
public final class EngineClient implements EventSource, PenaltySubmitter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REPLY_CHARS = 8 << 20;
    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    public EngineClient(URI base, String apiKey) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public EventPage poll(long after, Duration wait) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/v1/channels/events?after=" + after + "&wait_ms=" + wait.toMillis());
        HttpRequest req = request(uri, wait.plusSeconds(10)).GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET /v1/channels/events: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return EngineEvents.parsePage(JSON.readTree(bounded(r.body())));
    }

    /** A poll past any possible event that waits for nothing: the page carries the engine's ledger time. */
    @Override
    public Instant ledgerNow() throws IOException, InterruptedException {
        return poll(Long.MAX_VALUE - 1, Duration.ZERO).ledgerTime();
    }

    @Override
    public Verdict submit(JusticePayload payload) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("revocation_secret", payload.revocationSecretHex())
                .put("state_nonce", payload.revokedNonce());
        URI uri = URI.create(base + "/v1/channels/" + payload.channelIdHex() + "/dispute");
        HttpRequest req = request(uri, Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        Verdict verdict = DisputeReplies.verdict(r.statusCode(), abbreviate(r.body()));
        if (verdict.kind() == Kind.REFUSED && r.statusCode() == 409 && alreadyPunished(payload)) {
            return Verdict.landed("already punished (channel settled by penalty)");
        }
        return verdict;
    }

    /**
     * The engine refuses a second penalty on a closed channel; after a crash between landing and saving the
     * cursor that is success, so the channel is read back: settled by penalty, all to the party we protect.
     */
    private boolean alreadyPunished(JusticePayload payload) throws IOException, InterruptedException {
        URI uri = URI.create(base + "/v1/channels/" + payload.channelIdHex());
        HttpResponse<String> r = http.send(request(uri, Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return false;
        }
        JsonNode settlement = JSON.readTree(bounded(r.body())).path("settlement");
        long loserGot = settlement.path(payload.payTo() == dev.farthing.channel.protocol.Party.A ? "to_b" : "to_a").asLong(-1);
        return "penalty".equals(settlement.path("reason").asText()) && loserGot == 0;
    }

    private HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
    }

    private static String bounded(String body) throws IOException {
        if (body.length() > MAX_REPLY_CHARS) {
            throw new IOException("engine reply too large: " + body.length() + " chars");
        }
        return body;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    /** Parses event pages; package-private so tests can feed it JSON. */
    static final class EngineEvents {
        private EngineEvents() {
        }

        static EventPage parsePage(JsonNode root) throws IOException {
            JsonNode events = root.path("events");
            if (!events.isArray() || !root.path("next").canConvertToLong() || !root.path("ledger_time").isTextual()) {
                throw new IOException("event page must have an events array, a numeric next and the engine's ledger_time"
                        + " (an engine too old to send ledger_time cannot be followed: windows are judged by it)");
            }
            List<ChannelEvent> out = new ArrayList<>(events.size());
            for (JsonNode e : events) {
                out.add(parseEvent(e));
            }
            try {
                return new EventPage(out, root.path("next").asLong(), Instant.parse(root.path("ledger_time").asText()));
            } catch (RuntimeException e) {
                throw new IOException("malformed event page: " + e.getMessage(), e);
            }
        }

        static ChannelEvent parseEvent(JsonNode e) throws IOException {
            try {
                String commitment = text(e, "commitment");
                String window = text(e, "window_ends_at");
                return new ChannelEvent(e.path("seq").asLong(), e.path("type").asText(), text(e, "channel_id"),
                        commitment == null ? null : HexFormat.of().parseHex(commitment), e.path("nonce").asLong(),
                        window == null ? null : Instant.parse(window), Instant.parse(e.path("at").asText()));
            } catch (RuntimeException ex) {
                throw new IOException("malformed channel event " + e + ": " + ex.getMessage(), ex);
            }
        }

        private static String text(JsonNode e, String field) {
            JsonNode v = e.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }
}
