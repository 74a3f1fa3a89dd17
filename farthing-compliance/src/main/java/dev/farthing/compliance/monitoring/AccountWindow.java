package dev.farthing.compliance.monitoring;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the monitor remembers of one account: its recent movements (bounded in count and age), when it last
 * moved money, when each scenario last alerted on it, and today's cash-equivalent totals per currency.
 */
final class AccountWindow {
    /** One side of a posted transfer, as this account saw it ({@code business}: the counterparty is a merchant). */
    record Movement(String transferId, String counterparty, long amount, String currency, long at, boolean in,
                    boolean cash, boolean business) {
    }

    /** Cash totals of one currency on one UTC day (epoch day), with which directions were already reported. */
    static final class CashDay {
        long day;
        long in;
        long out;
        boolean inAlerted;
        boolean outAlerted;
    }

    final ArrayDeque<Movement> movements = new ArrayDeque<>();
    final Map<Scenario, Long> lastAlertAt = new EnumMap<>(Scenario.class);
    final Map<String, CashDay> cash = new HashMap<>(2);
    long lastActivity;
    /** When the account moved again after being dormant; 0 when it is not in a reactivation window. */
    long wokenAt;

    /** Adds a movement, dropping those older than {@code keepNs} before it and the oldest beyond {@code max}. */
    void add(Movement m, long keepNs, int max) {
        movements.addLast(m);
        while (!movements.isEmpty() && (movements.size() > max || m.at() - movements.peekFirst().at() > keepNs)) {
            movements.removeFirst();
        }
    }

    boolean coolingDown(Scenario s, long now, long windowNs) {
        Long last = lastAlertAt.get(s);
        return last != null && now - last < windowNs;
    }
}
