package dev.farthing.simulator.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Synthetic IPv4 addresses with the sharing real networks have: a home address per household, carrier-grade
 * NAT addresses shared by many mobile users of a country, office NAT shared by colleagues, and data-centre
 * ranges used by VPNs (legitimate users too) and by attackers.
 */
public final class IpSpace {
    private static final int[] DATA_CENTRE_OCTETS = {104, 45, 185, 159};
    private final RandomGenerator random;
    private final Map<String, List<String>> carrierPools = new HashMap<>();
    private final List<String> vpnExits = new ArrayList<>();
    private int next;

    public IpSpace(RandomGenerator random, int users, int usersPerCarrierAddress) {
        this.random = random;
        for (Country c : Country.ALL) {
            int size = Math.max(3, (int) (users * c.weight() / 100 / usersPerCarrierAddress));
            List<String> pool = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                pool.add(address(c.ipOctet() + 1));
            }
            carrierPools.put(c.code(), pool);
        }
        for (int i = 0; i < Math.max(4, users / 400); i++) {
            vpnExits.add(dataCentre());
        }
    }

    /** A fresh residential address in {@code country}: a household line, a hotel, or a proxy exit. */
    public String residential(Country country) {
        return address(country.ipOctet());
    }

    /** One of the few carrier NAT addresses of {@code country}; many users share each. */
    public String carrier(Country country) {
        List<String> pool = carrierPools.get(country.code());
        return pool.get(random.nextInt(pool.size()));
    }

    /** A commercial VPN exit: shared by privacy-minded people and by attackers alike. */
    public String vpnExit() {
        return vpnExits.get(random.nextInt(vpnExits.size()));
    }

    /** A fresh address in a hosting provider's range. */
    public String dataCentre() {
        return address(DATA_CENTRE_OCTETS[random.nextInt(DATA_CENTRE_OCTETS.length)]);
    }

    /** Unique per call: the counter fills the last three octets (254 hosts per /24). */
    private String address(int firstOctet) {
        int n = next++;
        int d = 1 + n % 254;
        int c = (n / 254) % 256;
        int b = (n / (254 * 256)) % 256;
        return firstOctet + "." + b + "." + c + "." + d;
    }
}
