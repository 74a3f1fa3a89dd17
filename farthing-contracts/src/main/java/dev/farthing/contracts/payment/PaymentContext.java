package dev.farthing.contracts.payment;

import java.util.Objects;

/**
 * What the client knows about the circumstances of a payment. Only {@code deviceId} and {@code ip} are
 * required; every other field may be null. Instants are nanoseconds since the epoch ({@link #UNKNOWN} when
 * absent), parsed from RFC 3339 strings at the edge.
 */
public record PaymentContext(String deviceId, String ip, String country, Geo geo, String userAgent,
                             String sessionId, String contentId, long contentStartedAtNanos,
                             String instrumentId, long accountCreatedAtNanos, Telemetry telemetry) {

    public static final long UNKNOWN = Long.MIN_VALUE;

    public PaymentContext {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(ip, "ip");
    }

    /** A position in degrees: latitude -90..90, longitude -180..180. */
    public record Geo(double lat, double lon) {
    }

    /**
     * Behavioural signals from the client. {@code keystrokeIntervalsMs} may be empty; the others are null
     * when the client did not measure them. Straightness is 0..1 (1 is a ruler-straight path).
     */
    public record Telemetry(int[] keystrokeIntervalsMs, Integer pointerMoves, Double pointerStraightness,
                            Double touchPressureVar) {
    }
}
