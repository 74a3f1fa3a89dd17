package dev.farthing.settlement.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.settlement.connector.PayoutConnector;
import dev.farthing.settlement.connector.PayoutInstruction;
import dev.farthing.settlement.connector.ProviderStatus;
import dev.farthing.settlement.connector.StatementLine;
import dev.farthing.settlement.connector.SubmitOutcome;
import dev.farthing.settlement.connector.http.ProviderJson.MalformedProviderJson;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A payout provider's REST API over {@code java.net.http}: {@code POST v1/payouts}, {@code GET v1/payouts/{key}},
 * {@code POST v1/payouts/{key}/cancel}, {@code GET v1/statement?from=&to=}, each with the {@code Idempotency-Key}
 * header. No call waits longer than the configured request timeout.
 *
 * <p>The rule that keeps money from being paid twice: only an answer that proves nothing was done is a
 * {@link SubmitOutcome.Refused} (a 4xx, or 429/503 which the provider's contract defines as "not processed", or a
 * connection that was never opened). A timeout, a dropped connection, any other 5xx or an unreadable 2xx is
 * {@link SubmitOutcome.Unknown}: the payout may exist at the provider, and only {@link #status} can tell.
 */
public final class HttpProviderConnector implements PayoutConnector {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpProviderConfig config;
    private final HttpClient http;

    public HttpProviderConnector(HttpProviderConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public String providerId() {
        return config.providerId();
    }

    private record Answer(int status, JsonNode body) {
    }

    /** Thrown by {@link #call} when the answer never came; {@code sent} is false when the request surely did not leave. */
    private static final class NoAnswer extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean sent;

        NoAnswer(String message, boolean sent, Throwable cause) {
            super(message, cause);
            this.sent = sent;
        }
    }

    @Override
    public SubmitOutcome submit(PayoutInstruction instruction) {
        Answer a;
        try {
            a = call("POST", "v1/payouts", instruction.idempotencyKey(),
                    ProviderJson.payoutRequest(instruction).toString());
        } catch (NoAnswer e) {
            return e.sent ? new SubmitOutcome.Unknown(e.getMessage())
                    : new SubmitOutcome.Refused(e.getMessage(), true);
        }
        int s = a.status();
        if (s == 200 || s == 201) {
            try {
                return new SubmitOutcome.Accepted(ProviderJson.text(a.body(), "providerReference"));
            } catch (MalformedProviderJson e) {
                return new SubmitOutcome.Unknown("accepted with an unreadable answer: " + e.getMessage());
            }
        }
        if (s == 429 || s == 503) {
            return new SubmitOutcome.Refused(errorText(a), true);
        }
        if (s >= 400 && s < 500) {
            JsonNode retryable = a.body().path("error").path("retryable");
            return new SubmitOutcome.Refused(errorText(a), s == 422 && retryable.isBoolean() && retryable.asBoolean());
        }
        return new SubmitOutcome.Unknown(errorText(a));
    }

    @Override
    public ProviderStatus status(String idempotencyKey) {
        Answer a;
        try {
            a = call("GET", "v1/payouts/" + pathSegment(idempotencyKey), idempotencyKey, null);
        } catch (NoAnswer e) {
            return new ProviderStatus.Unreachable(e.getMessage());
        }
        if (a.status() == 404) {
            return new ProviderStatus.NotFound();
        }
        if (a.status() != 200) {
            return new ProviderStatus.Unreachable(errorText(a));
        }
        try {
            return ProviderJson.status(a.body());
        } catch (MalformedProviderJson e) {
            return new ProviderStatus.Unreachable("unreadable status: " + e.getMessage());
        }
    }

    @Override
    public boolean cancel(String idempotencyKey) {
        try {
            Answer a = call("POST", "v1/payouts/" + pathSegment(idempotencyKey) + "/cancel", idempotencyKey, "{}");
            JsonNode cancelled = a.body().get("cancelled");
            return a.status() == 200 && cancelled != null && cancelled.isBoolean() && cancelled.asBoolean();
        } catch (NoAnswer e) {
            return false;
        }
    }

    @Override
    public List<StatementLine> statement(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("statement range ends before it starts: " + from + ".." + to);
        }
        Answer a;
        try {
            a = call("GET", "v1/statement?from=" + from + "&to=" + to, "statement-" + from + "-" + to, null);
        } catch (NoAnswer e) {
            throw new ProviderCallException(providerId() + " statement " + from + ".." + to + ": " + e.getMessage(), e);
        }
        if (a.status() != 200 || !a.body().path("lines").isArray()) {
            throw new ProviderCallException(providerId() + " statement " + from + ".." + to + ": " + errorText(a));
        }
        List<StatementLine> lines = new ArrayList<>();
        for (JsonNode line : a.body().get("lines")) {
            try {
                lines.add(ProviderJson.line(line));
            } catch (MalformedProviderJson e) {
                throw new ProviderCallException(providerId() + " statement line unreadable: " + e.getMessage() + " in " + line);
            }
        }
        return lines;
    }

    private Answer call(String method, String path, String idempotencyKey, String body) throws NoAnswer {
        URI uri = config.baseUri().resolve(path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header(IDEMPOTENCY_HEADER, idempotencyKey).header("Accept", "application/json");
        if (config.apiKey() != null) {
            b.header("Authorization", "Bearer " + config.apiKey());
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new NoAnswer(method + " " + uri.getPath() + ": could not connect (" + e + ")", false, e);
        } catch (HttpTimeoutException e) {
            throw new NoAnswer(method + " " + uri.getPath() + ": no answer within " + config.requestTimeout(), true, e);
        } catch (IOException e) {
            throw new NoAnswer(method + " " + uri.getPath() + ": " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer(method + " " + uri.getPath() + ": interrupted", true, e);
        }
        JsonNode json;
        try {
            byte[] bytes = response.body();
            json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            json = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), json == null || json.isMissingNode() ? JSON.createObjectNode() : json);
    }

    private static String errorText(Answer a) {
        JsonNode error = a.body().path("error");
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        return "HTTP " + a.status() + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
    }

    private static String pathSegment(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        http.close();
    }
}
