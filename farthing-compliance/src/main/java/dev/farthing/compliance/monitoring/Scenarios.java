package dev.farthing.compliance.monitoring;

import dev.farthing.compliance.monitoring.AccountWindow.Movement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The scenarios, evaluated for one account each time it moves money: each looks back over the account's window
 * for its pattern and, when it holds (and the scenario is not cooling down on this account), raises one alert that
 * lists the transfers and says why with the thresholds it used. Pure: the same history gives the same alerts.
 */
final class Scenarios {
    private static final long DAY_NS = 86_400_000_000_000L;
    private final MonitoringRules r;

    Scenarios(MonitoringRules rules) {
        this.r = rules;
    }

    /** {@code w} already holds {@code m}; {@code idleBefore} is how long the account had been silent before it. */
    List<Alert> evaluate(String subject, boolean wallet, AccountWindow w, Movement m, int scale, long idleBefore, String position) {
        long unit = Amounts.unit(scale);
        List<Alert> out = new ArrayList<>(1);
        structuring(subject, w, m, scale, unit, position, out);
        if (!m.in()) rapidMovement(subject, w, m, scale, unit, position, out);
        if (wallet) {
            fan(subject, w, m, scale, unit, position, out);
            if (!m.in()) velocity(subject, w, m, scale, unit, position, out);
        }
        dormant(subject, w, m, scale, unit, idleBefore, position, out);
        roundAmounts(subject, w, m, scale, unit, position, out);
        if (m.cash()) cash(subject, w, m, scale, unit, position, out);
        return out;
    }

    private void structuring(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        long threshold = Math.multiplyExact(r.reportThreshold(), unit);
        long floor = threshold / 100 * r.structuringFloorPercent();
        Predicate<Movement> under = x -> x.in() == m.in() && x.amount() >= floor && x.amount() < threshold;
        long window = r.structuringWindow().toNanos();
        if (!under.test(m) || w.coolingDown(Scenario.STRUCTURING, m.at(), window)) return;
        List<Movement> hits = within(w, m, window, under);
        if (hits.size() < r.structuringCount()) return;
        out.add(alert(Scenario.STRUCTURING, subject, w, m, hits, pos, scale, hits.size() + " movements " + dir(m)
                + " of " + Amounts.format(floor, scale, m.currency()) + " up to just under the reporting threshold of "
                + Amounts.format(threshold, scale, m.currency()) + " within " + Amounts.duration(window)
                + " (rule: at least " + r.structuringCount() + " of " + r.structuringFloorPercent() + "..100% of the threshold)"));
    }

    private void rapidMovement(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        long window = r.rapidWindow().toNanos();
        if (w.coolingDown(Scenario.RAPID_MOVEMENT, m.at(), window)) return;
        List<Movement> moves = within(w, m, window, x -> true);
        long in = 0;
        long sent = 0;
        for (Movement x : moves) {
            if (x.in()) in = Amounts.plus(in, x.amount());
            else sent = Amounts.plus(sent, x.amount());
        }
        long minimum = Math.multiplyExact(r.rapidMinimum(), unit);
        if (in < minimum || sent < in / 100 * r.rapidOutPercent() || sent / r.rapidOutMaxPercent() > in / 100) return;
        long percent = in == 0 ? 0 : Math.min(999, sent / Math.max(1, in / 100));
        out.add(alert(Scenario.RAPID_MOVEMENT, subject, w, m, moves, pos, scale, "received "
                + Amounts.format(in, scale, m.currency()) + " and sent " + Amounts.format(sent, scale, m.currency())
                + " on (" + percent + "%) within " + Amounts.duration(window) + " (rule: " + r.rapidOutPercent() + ".."
                + r.rapidOutMaxPercent() + "% of at least " + Amounts.format(minimum, scale, m.currency()) + " out again)"));
    }

    private void fan(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        Scenario s = m.in() ? Scenario.FAN_IN : Scenario.FAN_OUT;
        long window = r.fanWindow().toNanos();
        if (!m.in() && m.cash()) cashOutAfterFanIn(subject, w, m, scale, pos, out);
        if (w.coolingDown(s, m.at(), window) || (!m.in() && m.business())) return;
        // fan-out disperses to people: payments to merchants are shopping and are not counted
        List<Movement> moves = within(w, m, window, x -> x.in() == m.in() && (m.in() || !x.business()));
        Set<String> parties = new HashSet<>();
        long total = 0;
        for (Movement x : moves) {
            parties.add(x.counterparty());
            total = Amounts.plus(total, x.amount());
        }
        long minimum = Math.multiplyExact(r.fanMinimum(), unit);
        if (parties.size() < r.fanDistinct() || total < minimum) return;
        out.add(alert(s, subject, w, m, moves, pos, scale, (m.in() ? "received from " : "paid to ") + parties.size()
                + " distinct accounts, " + Amounts.format(total, scale, m.currency()) + " in " + moves.size()
                + " transfers within " + Amounts.duration(window) + " (rule: at least " + r.fanDistinct()
                + " counterparties and " + Amounts.format(minimum, scale, m.currency()) + ")"));
    }

    /** A cash withdrawal of much of what many senders just paid in: the mule's cash-out (raised as fan_in). */
    private void cashOutAfterFanIn(String subject, AccountWindow w, Movement m, int scale, String pos, List<Alert> out) {
        long window = r.fanWindow().toNanos();
        if (w.coolingDown(Scenario.FAN_IN, m.at(), window)) return;
        List<Movement> in = within(w, m, window, Movement::in);
        Set<String> senders = new HashSet<>();
        long total = 0;
        for (Movement x : in) {
            senders.add(x.counterparty());
            total = Amounts.plus(total, x.amount());
        }
        if (senders.size() < r.fanCashOutDistinct() || m.amount() < total / 100 * r.fanCashOutPercent()
                || m.amount() < Math.multiplyExact(r.rapidMinimum(), Amounts.unit(scale))) return;
        List<Movement> moves = new ArrayList<>(in);
        moves.add(m);
        out.add(alert(Scenario.FAN_IN, subject, w, m, moves, pos, scale, "withdrew " + Amounts.format(m.amount(), scale, m.currency())
                + " in cash after receiving " + Amounts.format(total, scale, m.currency()) + " from " + senders.size()
                + " distinct accounts within " + Amounts.duration(window) + " (rule: a cash-out of at least "
                + r.fanCashOutPercent() + "% of what at least " + r.fanCashOutDistinct() + " senders paid in, and at least " + Amounts.format(Math.multiplyExact(r.rapidMinimum(), Amounts.unit(scale)), scale, m.currency()) + ")"));
    }

    private void velocity(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        long window = r.velocityWindow().toNanos();
        if (w.coolingDown(Scenario.VELOCITY, m.at(), window)) return;
        List<Movement> moves = within(w, m, window, x -> !x.in());
        long total = 0;
        for (Movement x : moves) total = Amounts.plus(total, x.amount());
        long minimum = Math.multiplyExact(r.velocityMinimum(), unit);
        if (moves.size() < r.velocityCount() || total < minimum) return;
        out.add(alert(Scenario.VELOCITY, subject, w, m, moves, pos, scale, moves.size() + " payments out, "
                + Amounts.format(total, scale, m.currency()) + ", within " + Amounts.duration(window) + " (rule: at least "
                + r.velocityCount() + " payments and " + Amounts.format(minimum, scale, m.currency()) + ")"));
    }

    private void dormant(String subject, AccountWindow w, Movement m, int scale, long unit, long idleBefore, String pos, List<Alert> out) {
        long dormantNs = r.dormantAfter().toNanos();
        if (idleBefore >= dormantNs) w.wokenAt = m.at();
        long keep = r.longestWindow().toNanos();
        if (w.wokenAt == 0 || m.at() - w.wokenAt > keep) {
            w.wokenAt = 0;
            return;
        }
        List<Movement> since = within(w, m, m.at() - w.wokenAt, x -> true);
        long total = 0;
        for (Movement x : since) total = Amounts.plus(total, x.amount());
        long minimum = Math.multiplyExact(r.dormantMinimum(), unit);
        if (total < minimum) return;
        w.wokenAt = 0; // once per reactivation
        out.add(alert(Scenario.DORMANT_REACTIVATION, subject, w, m, since, pos, scale, "silent for at least "
                + Amounts.duration(dormantNs) + ", then moved " + Amounts.format(total, scale, m.currency()) + " in "
                + since.size() + " transfers (rule: " + Amounts.format(minimum, scale, m.currency())
                + " within " + Amounts.duration(keep) + " of waking)"));
    }

    private void roundAmounts(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        long round = Math.multiplyExact(r.roundUnit(), unit);
        Predicate<Movement> isRound = x -> x.amount() >= round && x.amount() % round == 0;
        long window = r.roundWindow().toNanos();
        if (!isRound.test(m) || w.coolingDown(Scenario.ROUND_AMOUNTS, m.at(), window)) return;
        List<Movement> hits = within(w, m, window, isRound);
        if (hits.size() < r.roundCount()) return;
        out.add(alert(Scenario.ROUND_AMOUNTS, subject, w, m, hits, pos, scale, hits.size() + " movements of exact multiples of "
                + Amounts.format(round, scale, m.currency()) + " within " + Amounts.duration(window)
                + " (rule: at least " + r.roundCount() + ")"));
    }

    private void cash(String subject, AccountWindow w, Movement m, int scale, long unit, String pos, List<Alert> out) {
        long day = Math.floorDiv(m.at(), DAY_NS);
        AccountWindow.CashDay c = w.cash.computeIfAbsent(m.currency(), k -> new AccountWindow.CashDay());
        if (c.day != day) {
            c.day = day;
            c.in = 0;
            c.out = 0;
            c.inAlerted = false;
            c.outAlerted = false;
        }
        long total = m.in() ? (c.in = Amounts.plus(c.in, m.amount())) : (c.out = Amounts.plus(c.out, m.amount()));
        long threshold = Math.multiplyExact(r.reportThreshold(), unit);
        if (total <= threshold || (m.in() ? c.inAlerted : c.outAlerted)) return;
        if (m.in()) c.inAlerted = true;
        else c.outAlerted = true;
        List<Movement> today = within(w, m, m.at() - day * DAY_NS, x -> x.cash() && x.in() == m.in());
        out.add(alert(Scenario.CASH_THRESHOLD, subject, w, m, today, pos, "cash-equivalent movements " + dir(m)
                + " of " + Amounts.format(total, scale, m.currency()) + " on " + java.time.LocalDate.ofEpochDay(day)
                + " (UTC) so far, over the currency transaction report threshold of "
                + Amounts.format(threshold, scale, m.currency()), total, dir(m)));
    }

    /** The window's movements of {@code m}'s currency within {@code windowNs} before it (inclusive) that match. */
    private static List<Movement> within(AccountWindow w, Movement m, long windowNs, Predicate<Movement> p) {
        List<Movement> hits = new ArrayList<>();
        for (Movement x : w.movements) {
            if (m.at() - x.at() <= windowNs && x.currency().equals(m.currency()) && p.test(x)) hits.add(x);
        }
        return hits;
    }

    private Alert alert(Scenario s, String subject, AccountWindow w, Movement m, List<Movement> moves, String pos,
                        int scale, String why) {
        return alert(s, subject, w, m, moves, pos, why, sum(moves), direction(moves));
    }

    private Alert alert(Scenario s, String subject, AccountWindow w, Movement m, List<Movement> moves, String pos,
                        String why, long total, String direction) {
        w.lastAlertAt.put(s, m.at());
        List<String> ids = new ArrayList<>(Math.min(moves.size(), Alert.MAX_TRANSFERS));
        for (int i = Math.max(0, moves.size() - Alert.MAX_TRANSFERS); i < moves.size(); i++) ids.add(moves.get(i).transferId());
        long from = moves.isEmpty() ? m.at() : moves.getFirst().at();
        return new Alert(Alert.idOf(s, subject, pos), s, r.version(), subject, from, m.at(), ids, total, m.currency(), direction,
                why + "; transfers " + String.join(", ", ids) + (moves.size() > ids.size() ? " (newest " + ids.size() + " of " + moves.size() + ")" : ""),
                pos, m.at());
    }

    private static long sum(List<Movement> moves) {
        long total = 0;
        for (Movement x : moves) total = Amounts.plus(total, x.amount());
        return total;
    }

    private static String direction(List<Movement> moves) {
        boolean in = false;
        boolean out = false;
        for (Movement x : moves) {
            in |= x.in();
            out |= !x.in();
        }
        return in && out ? "both" : in ? "in" : "out";
    }

    private static String dir(Movement m) {
        return m.in() ? "in" : "out";
    }
}
