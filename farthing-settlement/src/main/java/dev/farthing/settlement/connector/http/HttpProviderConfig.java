package dev.farthing.settlement.connector.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach one HTTP payout provider.
 *
 * @param providerId     the connector's {@link dev.farthing.settlement.connector.PayoutConnector#providerId()}
 * @param baseUri        the provider API's root; calls go to {@code baseUri + "v1/..."} (so it ends with '/')
 * @param apiKey         sent as {@code Authorization: Bearer ...}; null sends none
 * @param requestTimeout the longest any call waits for an answer; past it submit is Unknown, status Unreachable
 * @param connectTimeout the longest a TCP connect waits (nothing was sent if it fails)
 */
public record HttpProviderConfig(String providerId, URI baseUri, String apiKey, Duration requestTimeout,
                                 Duration connectTimeout) {

    public HttpProviderConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (!baseUri.toString().endsWith("/")) {
            baseUri = URI.create(baseUri + "/");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero() || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Ten-second request and two-second connect timeouts. */
    public static HttpProviderConfig of(String providerId, URI baseUri, String apiKey) {
        return new HttpProviderConfig(providerId, baseUri, apiKey, Duration.ofSeconds(10), Duration.ofSeconds(2));
    }
}
