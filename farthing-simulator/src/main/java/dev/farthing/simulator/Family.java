package dev.farthing.simulator;

import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.simulator.family2.FamilyB;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which traffic generator writes a run: family A ({@link Simulator}), the independently written family B
 * ({@link FamilyB}), or a mix where half of the users live in each family's world, on one platform, in one
 * time-ordered stream.
 */
public enum Family {
    A, B, MIX;

    public static Family parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("family must be a, b or mix: " + name);
        }
    }

    public Simulation run(SimulationConfig config) {
        return switch (this) {
            case A -> Simulator.run(config);
            case B -> FamilyB.run(config);
            case MIX -> mix(config);
        };
    }

    private static Simulation mix(SimulationConfig config) {
        int half = config.users() / 2;
        Simulation a = Simulator.run(config.withUsers(Math.max(10, half)));
        Simulation b = FamilyB.run(config.withUsers(Math.max(10, config.users() - half)));
        List<PaymentRecord> records = new ArrayList<>(a.records().size() + b.records().size());
        records.addAll(a.records());
        records.addAll(b.records());
        records.sort(Comparator.comparingLong(PaymentRecord::atNanos));
        Map<String, String> cohorts = new HashMap<>(a.cohorts());
        cohorts.putAll(b.cohorts());
        return new Simulation(config, records, cohorts);
    }
}
