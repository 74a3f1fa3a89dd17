package dev.farthing.simulator.traffic;

import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.simulator.world.Device;

/** Assembles a {@link PaymentContext} field by field; unset fields stay absent. */
public final class ContextBuilder {
    private final Device device;
    private final String ip;
    private final String country;
    private PaymentContext.Geo geo;
    private String session;
    private String content;
    private long contentStarted = PaymentContext.UNKNOWN;
    private String instrument;
    private long created = PaymentContext.UNKNOWN;
    private PaymentContext.Telemetry telemetry;

    public ContextBuilder(Device device, String ip, String country) {
        this.device = device;
        this.ip = ip;
        this.country = country;
    }

    /** A position, rounded to 5 decimals (about a metre): finer would only bloat datasets. */
    public ContextBuilder geo(double[] latLon) {
        this.geo = latLon == null ? null : new PaymentContext.Geo(round(latLon[0], 1e5), round(latLon[1], 1e5));
        return this;
    }

    static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    public ContextBuilder session(String session) {
        this.session = session;
        return this;
    }

    public ContextBuilder content(String content, long startedAt) {
        this.content = content;
        this.contentStarted = startedAt;
        return this;
    }

    public ContextBuilder instrument(String instrument) {
        this.instrument = instrument;
        return this;
    }

    public ContextBuilder created(long createdAt) {
        this.created = createdAt;
        return this;
    }

    public ContextBuilder telemetry(PaymentContext.Telemetry telemetry) {
        this.telemetry = telemetry;
        return this;
    }

    /**
     * The context as this device's client sends it. Real integrations differ in which optional fields they
     * fill: some send everything, some only the required device and IP. The level is fixed per device by a
     * hash of its id, the same way for people and attackers (and drawing no random numbers), so that a
     * missing field never tells the model who is paying.
     */
    public PaymentContext build() {
        return switch (ClientLevel.of(device.id())) {
            case FULL -> new PaymentContext(device.id(), ip, country, geo, device.userAgent(), session, content,
                    contentStarted, instrument, created, telemetry);
            case NO_TELEMETRY -> new PaymentContext(device.id(), ip, country, geo, device.userAgent(), session,
                    content, contentStarted, instrument, created, null);
            case BASIC -> new PaymentContext(device.id(), ip, country, null, null, null, content,
                    PaymentContext.UNKNOWN, instrument, PaymentContext.UNKNOWN, null);
            case MINIMAL -> new PaymentContext(device.id(), ip, null, null, null, null, null,
                    PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null);
        };
    }

    /** How much optional context a client sends: 55% everything, 20% no telemetry, 15% basic, 10% minimal. */
    enum ClientLevel {
        FULL, NO_TELEMETRY, BASIC, MINIMAL;

        static ClientLevel of(String deviceId) {
            int bucket = Math.floorMod(deviceId.hashCode() * 0x9E3779B9, 100);
            return bucket < 55 ? FULL : bucket < 75 ? NO_TELEMETRY : bucket < 90 ? BASIC : MINIMAL;
        }
    }
}
