package dev.farthing.simulator.world;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Opaque identifiers drawn at random, so nothing about an id (its order, its prefix) tells an attacker's
 * account from a person's. Accounts, payees, devices and instruments each have their own prefix.
 */
public final class Ids {
    private final RandomGenerator random;
    private final Set<String> used = new HashSet<>();

    public Ids(RandomGenerator random) {
        this.random = random;
    }

    public String account() {
        return fresh("acct-");
    }

    public String payee(String kind) {
        return fresh(kind + "-");
    }

    public String device() {
        return fresh("dev-");
    }

    public String instrument() {
        return fresh("card-");
    }

    public String session() {
        return fresh("ss-");
    }

    private String fresh(String prefix) {
        while (true) {
            String id = prefix + Long.toString(random.nextLong(1L << 40, 1L << 44), 36);
            if (used.add(id)) {
                return id;
            }
        }
    }
}
