package dev.farthing.simulator;

import dev.farthing.risk.dataset.PaymentRecord;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of a run: every payment in time order, with the accounts a server must open to replay it, and
 * {@code cohorts}: payment id to the name of a legitimate group reported on separately (a viral burst's new
 * fans, {@code viral-1}); such payments are legitimate and counted as such too.
 */
public record Simulation(SimulationConfig config, List<PaymentRecord> records, Map<String, String> cohorts) {

    public Simulation {
        records = List.copyOf(records);
        cohorts = Map.copyOf(cohorts);
    }

    public Simulation(SimulationConfig config, List<PaymentRecord> records) {
        this(config, records, Map.of());
    }

    /** Accounts that pay (wallets; mule ring members also receive). */
    public Set<String> payers() {
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> out.add(r.payment().payer()));
        return out;
    }

    /** Accounts that are only ever paid (merchants, creators). */
    public Set<String> merchants() {
        Set<String> payers = payers();
        Set<String> out = new LinkedHashSet<>();
        records.forEach(r -> {
            if (!payers.contains(r.payment().payee())) {
                out.add(r.payment().payee());
            }
        });
        return out;
    }

    public long count(String scenario) {
        return records.stream().filter(r -> r.scenario().equals(scenario)).count();
    }
}
