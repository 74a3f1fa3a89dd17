package dev.farthing.simulator.family2;

import java.util.List;

/**
 * A legitimate family-B user: where they live, their devices and networks, how active they are and the
 * creators they follow. {@code homeIp} is a public IPv4, a LAN address (a misreporting integration) or null
 * when the home is on IPv6 ({@code ipv6Prefix}).
 */
record Fan(String account, Region region, double lat, double lon, long createdAtNanos, List<Dev> devices,
           String card, String homeIp, String ipv6Prefix, String officeIp, double sessionsPerDay, int shiftMinutes,
           List<Shop.Creator> follows, double tipLikelihood, double bingeLikelihood, double streamLikelihood) {

    Dev pocket() {
        return devices.stream().filter(Dev::touch).findFirst().orElse(devices.getFirst());
    }
}
