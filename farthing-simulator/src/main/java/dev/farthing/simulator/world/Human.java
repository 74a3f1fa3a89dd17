package dev.farthing.simulator.world;

import java.util.List;

/**
 * A legitimate user: where and when they live, what they pay from and for, and how they differ from the
 * average (a VPN habit, a client that sends no telemetry, a trip abroad during the simulated window).
 */
public record Human(String account, Country country, double homeLat, double homeLon, long createdAtNanos,
                    String homeIp, String officeIp, List<Device> devices, String instrument, Interests interests,
                    double sessionsPerDay, int chronoShiftMinutes, Favourites favourites, boolean vpnUser,
                    boolean telemetryOff, Trip trip) {

    /** Relative weights of what a session is about. */
    public record Interests(double read, double video, double game, double tip) {
        public double total() {
            return read + video + game;
        }
    }

    /** The few payees a person keeps coming back to. */
    public record Favourites(List<Payee> publishers, List<Payee> channels, List<Payee> creators, Payee game) {
    }

    /** A flight: no activity between departure and arrival, then life in {@code destination}. */
    public record Trip(long departNanos, long arriveNanos, Country destination, double lat, double lon) {
    }

    public Device phone() {
        return devices.stream().filter(d -> d.kind() == Device.Kind.PHONE).findFirst().orElse(devices.getFirst());
    }

    public boolean abroadAt(long nanos) {
        return trip != null && nanos >= trip.arriveNanos();
    }

    public boolean inFlightAt(long nanos) {
        return trip != null && nanos >= trip.departNanos() && nanos < trip.arriveNanos();
    }
}
