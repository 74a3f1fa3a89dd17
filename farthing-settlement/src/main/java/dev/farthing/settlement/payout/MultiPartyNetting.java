package dev.farthing.settlement.payout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Netting between platforms that settle with each other: many gross obligations (A owes B) become one net position
 * per party and currency and the fewest transfers that settle them (greedy: the largest debtor pays the largest
 * creditor). Per currency, net positions sum to zero and the transfers move exactly the net positions.
 */
public final class MultiPartyNetting {

    public record Obligation(String from, String to, String currency, long amount) {
        public Obligation {
            if (amount <= 0 || from.equals(to)) {
                throw new IllegalArgumentException("an obligation is a positive amount between two parties");
            }
        }
    }

    /** {@code net}: per currency, per party, what it receives (positive) or pays (negative). */
    public record Report(Map<String, Long> grossByCurrency, Map<String, Map<String, Long>> net,
                         List<Obligation> settlements) {
        /** How many gross units per currency the netting saved moving. */
        public long saved(String currency) {
            long moved = settlements.stream().filter(s -> s.currency().equals(currency)).mapToLong(Obligation::amount).sum();
            return grossByCurrency.getOrDefault(currency, 0L) - moved;
        }
    }

    private MultiPartyNetting() {
    }

    public static Report net(List<Obligation> obligations) {
        Map<String, Long> gross = new TreeMap<>();
        Map<String, Map<String, Long>> net = new TreeMap<>();
        for (Obligation o : obligations) {
            gross.merge(o.currency(), o.amount(), Math::addExact);
            Map<String, Long> positions = net.computeIfAbsent(o.currency(), c -> new TreeMap<>());
            positions.merge(o.from(), -o.amount(), Math::addExact);
            positions.merge(o.to(), o.amount(), Math::addExact);
        }
        List<Obligation> settlements = new ArrayList<>();
        for (var entry : net.entrySet()) {
            settle(entry.getKey(), new TreeMap<>(entry.getValue()), settlements);
            assert entry.getValue().values().stream().mapToLong(Long::longValue).sum() == 0 : "netting created money";
        }
        return new Report(gross, net, settlements);
    }

    private static void settle(String currency, Map<String, Long> positions, List<Obligation> out) {
        while (true) {
            String payer = null;
            String payee = null;
            for (var p : positions.entrySet()) {
                if (p.getValue() < 0 && (payer == null || p.getValue() < positions.get(payer))) payer = p.getKey();
                if (p.getValue() > 0 && (payee == null || p.getValue() > positions.get(payee))) payee = p.getKey();
            }
            if (payer == null || payee == null) {
                assert payer == null && payee == null : "unbalanced positions " + positions;
                return;
            }
            long amount = Math.min(-positions.get(payer), positions.get(payee));
            out.add(new Obligation(payer, payee, currency, amount));
            positions.merge(payer, amount, Math::addExact);
            positions.merge(payee, -amount, Math::addExact);
        }
    }
}
