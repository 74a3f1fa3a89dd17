package dev.farthing.simulator.world;

/** A device a person (or an attacker) pays from; {@code kind} decides which telemetry it can report. */
public record Device(String id, Kind kind, String userAgent) {

    public enum Kind { PHONE, TABLET, DESKTOP }

    public boolean touch() {
        return kind != Kind.DESKTOP;
    }
}
