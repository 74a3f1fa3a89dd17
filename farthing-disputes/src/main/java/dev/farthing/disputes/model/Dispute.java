package dev.farthing.disputes.model;

import dev.farthing.disputes.evidence.Gathered;

import java.util.ArrayList;
import java.util.List;

/**
 * A dispute as it stands. Immutable: every change makes a new one ({@code with...}), which the service journals
 * whole. Times are ledger time in ns; {@code deadline} is when the current state times out (0 once final).
 * {@code refund} is what the decision gives back (0 when lost); {@code decidedBy} the key id of the reviewer, or
 * {@code system:disputes}.
 */
public record Dispute(NewDispute request, String currency, long amount, String jurisdiction, DisputeState state,
                      Tier tier, DisputeOutcome outcome, long refund, DisputeClass classification,
                      Resolution resolution, String decidedBy, boolean automatic, long createdAt, long stateSince,
                      long deadline, List<EvidenceItem> evidence, Gathered gathered, Appeal appeal, boolean overturned,
                      Money money, List<Transition> history) {
    public static final String SYSTEM = "system:disputes";

    public Dispute {
        evidence = List.copyOf(evidence);
        history = List.copyOf(history);
    }

    public String id() {
        return request.id();
    }

    public String claimant() {
        return request.claimant();
    }

    public Reason reason() {
        return request.reason();
    }

    /** A new state, with its deadline and the transition recorded. */
    public Dispute moveTo(DisputeState to, Tier newTier, long deadline, long now, String actor, String note) {
        List<Transition> h = new ArrayList<>(history);
        h.add(new Transition(state, to, now, actor, note));
        return new Dispute(request, currency, amount, jurisdiction, to, newTier, outcome, refund, classification,
                resolution, decidedBy, automatic, createdAt, now, deadline, evidence, gathered, appeal, overturned,
                money, h);
    }

    public Dispute withDecision(DisputeOutcome o, long r, String by, boolean auto) {
        return new Dispute(request, currency, amount, jurisdiction, state, tier, o, r, classification, resolution, by,
                auto, createdAt, stateSince, deadline, evidence, gathered, appeal, overturned, money, history);
    }

    public Dispute withResolution(Resolution res, Gathered g) {
        return new Dispute(request, currency, amount, jurisdiction, state, tier, outcome, refund,
                res.classification(), res, decidedBy, automatic, createdAt, stateSince, deadline, evidence, g, appeal,
                overturned, money, history);
    }

    public Dispute withEvidence(List<EvidenceItem> more) {
        List<EvidenceItem> all = new ArrayList<>(evidence);
        all.addAll(more);
        return new Dispute(request, currency, amount, jurisdiction, state, tier, outcome, refund, classification,
                resolution, decidedBy, automatic, createdAt, stateSince, deadline, all, gathered, appeal, overturned,
                money, history);
    }

    public Dispute withAppeal(Appeal a) {
        return new Dispute(request, currency, amount, jurisdiction, state, tier, outcome, refund, classification,
                resolution, decidedBy, automatic, createdAt, stateSince, deadline, evidence, gathered, a, overturned,
                money, history);
    }

    public Dispute withOverturned(boolean o) {
        return new Dispute(request, currency, amount, jurisdiction, state, tier, outcome, refund, classification,
                resolution, decidedBy, automatic, createdAt, stateSince, deadline, evidence, gathered, appeal, o,
                money, history);
    }

    public Dispute withMoney(Money m) {
        return new Dispute(request, currency, amount, jurisdiction, state, tier, outcome, refund, classification,
                resolution, decidedBy, automatic, createdAt, stateSince, deadline, evidence, gathered, appeal,
                overturned, m, history);
    }

    /** Who the dispute is against: the payee of the payment or channel (null when nothing was gathered). */
    public String respondent() {
        if (gathered == null) return null;
        if (gathered.payment() != null) return gathered.payment().payee();
        return gathered.channel() == null ? null : gathered.channel().payee();
    }
}
