package dev.farthing.simulator.family2;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Family B's address space, with the sharing real traffic has: carrier-grade NAT in 100.64.0.0/10 with
 * hundreds of subscribers behind each address, IPv6 households whose privacy addresses change every session,
 * integrations that report the device's LAN address (10.x, 192.168.x: the same few values for thousands of
 * unrelated people), offices and cafés behind one public address, and hosting ranges.
 */
final class Net {
    private final RandomGenerator random;
    private final Map<String, List<String>> carrier = new HashMap<>();
    private final List<String> cafes = new ArrayList<>();
    private int next;

    Net(RandomGenerator random, int users, Knobs knobs) {
        this.random = random;
        for (Region g : Region.ALL) {
            int mobile = (int) Math.ceil(users * knobs.mobileShare() * g.weight() / 100);
            int size = Math.max(2, mobile / knobs.fansPerCarrierAddress());
            List<String> pool = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int n = next++;
                pool.add("100." + (64 + (n >> 16) % 64) + "." + ((n >> 8) & 255) + "." + (n & 255));
            }
            carrier.put(g.code() + g.utcOffsetMinutes(), pool);
        }
        for (int i = 0; i < Math.max(3, users / 300); i++) {
            cafes.add(publicV4());
        }
    }

    /** A carrier NAT address of {@code region}'s mobile network, shared by hundreds. */
    String carrier(Region region) {
        List<String> pool = carrier.get(region.code() + region.utcOffsetMinutes());
        return pool.get(random.nextInt(pool.size()));
    }

    /** A fixed-line household address (one per home). */
    String publicV4() {
        int n = next++;
        return (5 + (n >> 16) % 180) + "." + ((n >> 8) & 255) + "." + (n & 255) + "." + (1 + random.nextInt(254));
    }

    /** A household's IPv6 /64 prefix; {@link #privacyAddress} draws an address inside it. */
    String ipv6Prefix() {
        return String.format(Locale.ROOT, "2a0%x:%x:%x:%x", 1 + random.nextInt(9), random.nextInt(1 << 16),
                random.nextInt(1 << 16), random.nextInt(1 << 16));
    }

    /** A temporary (privacy-extension) address: a new one for most sessions. */
    String privacyAddress(String prefix) {
        return String.format(Locale.ROOT, "%s:%x:%x:%x:%x", prefix, random.nextInt(1 << 16), random.nextInt(1 << 16),
                random.nextInt(1 << 16), random.nextInt(1 << 16));
    }

    /** The device's LAN address, as some integrations misreport it: a handful of values shared by everyone. */
    String lan() {
        return random.nextDouble() < 0.7 ? "192.168." + (random.nextDouble() < 0.8 ? 1 : 0) + "." + (2 + random.nextInt(40))
                : "10.0." + random.nextInt(3) + "." + (2 + random.nextInt(60));
    }

    String cafe() {
        return cafes.get(random.nextInt(cafes.size()));
    }

    /** A cloud or hosting address. */
    String hosting() {
        int n = next++;
        int[] first = {34, 52, 138, 167, 198};
        return first[random.nextInt(first.length)] + "." + ((n >> 8) & 255) + "." + (n & 255) + "." + (1 + random.nextInt(254));
    }
}
