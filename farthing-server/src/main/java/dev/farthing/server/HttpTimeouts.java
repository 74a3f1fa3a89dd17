package dev.farthing.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take to send. {@code header}: complete request headers, counted from the connection
 * opening or from its previous response (so it also bounds how long a kept-alive connection may sit unused);
 * {@code body}: the whole request body, counted from the end of its headers; {@code idle}: the longest silence on a
 * connection (Jetty's idle timeout, which also bounds a stalled response). A connection past one is closed.
 */
public record HttpTimeouts(Duration header, Duration body, Duration idle) {
    public static final Duration DEFAULT_HEADER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BODY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);

    public HttpTimeouts {
        for (Duration d : new Duration[] {Objects.requireNonNull(header, "header"), Objects.requireNonNull(body, "body"),
                Objects.requireNonNull(idle, "idle")}) {
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("an HTTP timeout must be more than 0 and at most 1 h: " + d);
            }
        }
    }

    /** 10 s for headers, 30 s for a body, 30 s of silence. */
    public static HttpTimeouts defaults() {
        return new HttpTimeouts(DEFAULT_HEADER, DEFAULT_BODY, DEFAULT_IDLE);
    }
}
