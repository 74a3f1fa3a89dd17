package dev.farthing.simulator.family2;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Family B's identifiers: random 96-bit hex (collisions are negligible), with short type prefixes that
 * differ from family A's so that both families' runs can share one server.
 */
final class Ids {
    private Ids() {
    }

    private static String hex(RandomGenerator r) {
        return String.format(Locale.ROOT, "%08x%016x", r.nextInt(), r.nextLong());
    }

    static String account(RandomGenerator r) {
        return "u-" + hex(r);
    }

    static String creator(RandomGenerator r) {
        return "cr-" + hex(r);
    }

    static String device(RandomGenerator r) {
        return "d-" + hex(r);
    }

    static String card(RandomGenerator r) {
        return "pm-" + hex(r);
    }

    static String session(RandomGenerator r) {
        return "s-" + hex(r);
    }
}
