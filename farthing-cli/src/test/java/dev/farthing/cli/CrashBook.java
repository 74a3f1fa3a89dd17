package dev.farthing.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the crash test knows about every request it made, independently of the ledger. A request is a
 * group of legs (one transfer, or an atomic batch) and ends in one of three states: acknowledged (the
 * server said 200/201, so it must exist forever), refused (a 4xx refusal, so it must never exist), or in
 * doubt (the server died before answering). After a restart each doubt is resolved by looking: all legs
 * present means it committed, none present means it did not, anything else is a half-applied batch.
 */
final class CrashBook {
    enum State { ACKED, REFUSED, IN_DOUBT, ABSENT }

    /** One request: its legs, atomic or single, and whether its ledger outcome must be a refusal. */
    record Group(List<Leg> legs, boolean atomic, boolean expectRefusal) {
        Group {
            legs = List.copyOf(legs);
        }
    }

    private record Report(Group group, State state) {
    }

    private final Map<Group, State> states = new LinkedHashMap<>();
    private final Queue<Report> reports = new ConcurrentLinkedQueue<>();
    private final List<Group> ackedSinceLastCheck = new ArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private long doubtsCommitted;

    /** Called by load clients, from any thread, as replies (or failures) come in. */
    void record(Group group, State state) {
        reports.add(new Report(group, state));
    }

    void violation(String what) {
        violations.add(what);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Folds what the clients reported into the book; called by the test thread once the load stopped. */
    void absorbReports() {
        Report r;
        while ((r = reports.poll()) != null) {
            states.put(r.group(), r.state());
            if (r.state() == State.ACKED) {
                ackedSinceLastCheck.add(r.group());
            }
        }
    }

    List<Group> inDoubt() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.IN_DOUBT).map(Map.Entry::getKey).toList();
    }

    /** Records what a restart showed about a request whose reply never came. */
    void resolve(Group group, boolean committed) {
        states.put(group, committed ? State.ACKED : State.ABSENT);
        if (committed) {
            doubtsCommitted++;
            ackedSinceLastCheck.add(group);
        }
    }

    List<Group> drainAckedSinceLastCheck() {
        List<Group> out = List.copyOf(ackedSinceLastCheck);
        ackedSinceLastCheck.clear();
        return out;
    }

    List<Group> groupsIn(State state) {
        return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey).toList();
    }

    /** Every leg that must exist in the ledger, by id. */
    Map<String, Leg> committedLegs() {
        Map<String, Leg> legs = new LinkedHashMap<>();
        for (Group g : groupsIn(State.ACKED)) {
            g.legs().forEach(l -> legs.put(l.id(), l));
        }
        return legs;
    }

    /** Ids that must never exist: refused requests and in-doubt ones a restart showed were not committed. */
    Map<String, Leg> forbiddenLegs() {
        Map<String, Leg> legs = new LinkedHashMap<>();
        for (Map.Entry<Group, State> e : states.entrySet()) {
            if (e.getValue() == State.REFUSED || e.getValue() == State.ABSENT) {
                e.getKey().legs().forEach(l -> legs.put(l.id(), l));
            }
        }
        return legs;
    }

    /** Posted debits and credits per account implied by the committed legs: {debits, credits}. */
    Map<String, long[]> expectedTotals() {
        Map<String, long[]> totals = new HashMap<>();
        for (Leg l : committedLegs().values()) {
            totals.computeIfAbsent(l.debit(), a -> new long[2])[0] += l.amount();
            totals.computeIfAbsent(l.credit(), a -> new long[2])[1] += l.amount();
        }
        return totals;
    }

    /** In-doubt requests a restart showed had committed (the others are counted as {@link State#ABSENT}). */
    long doubtsCommitted() {
        return doubtsCommitted;
    }

    long count(State state) {
        return states.values().stream().filter(s -> s == state).count();
    }
}
