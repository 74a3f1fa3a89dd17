package dev.farthing.disputes.service;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.model.Appeal;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeError;
import dev.farthing.disputes.model.DisputeException;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Resolution;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.resolve.AutoResolver;
import dev.farthing.disputes.resolve.Case;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state machine, as pure functions of a dispute, the jurisdiction and ledger time. Each says what the next
 * version is, or refuses with {@code dispute_wrong_state}; the service journals and applies the result.
 */
final class Transitions {
    static final Set<DisputeState> DECIDABLE = EnumSet.of(DisputeState.OPEN, DisputeState.EVIDENCE,
            DisputeState.ESCALATED, DisputeState.APPEALED);
    private final AutoResolver resolver;

    Transitions(AutoResolver resolver) {
        this.resolver = resolver;
    }

    /** Runs the automatic resolution on fresh evidence; {@code finalTry} when the evidence deadline has passed. */
    Dispute resolve(Dispute d, Gathered g, Jurisdiction j, long now, boolean finalTry) {
        Resolution res = resolver.resolve(new Case(d.request(), d.amount(), g, d.evidence()), j,
                finalTry || d.state() == DisputeState.EVIDENCE);
        Dispute r = d.withResolution(res, g);
        if (res.automatic()) {
            return r.withDecision(res.outcome(), res.refund(), Dispute.SYSTEM, true)
                    .moveTo(DisputeState.DECIDED, null, j.deadline(DisputeState.DECIDED, null, now), now, Dispute.SYSTEM,
                            "decided automatically: " + res.votes().size() + " resolvers agree on " + res.outcome().wire());
        }
        if (res.needsEvidence() || (d.state() == DisputeState.EVIDENCE && !finalTry && onlyWeak(res))) {
            return d.state() == DisputeState.EVIDENCE ? r
                    : r.moveTo(DisputeState.EVIDENCE, null, j.deadline(DisputeState.EVIDENCE, null, now), now,
                    Dispute.SYSTEM, String.join("; ", res.escalateBecause()));
        }
        return r.moveTo(DisputeState.ESCALATED, res.tier(), j.deadline(DisputeState.ESCALATED, res.tier(), now), now,
                Dispute.SYSTEM, String.join("; ", res.escalateBecause()));
    }

    private static boolean onlyWeak(Resolution res) {
        return res.escalateBecause().size() == 1 && res.escalateBecause().getFirst().startsWith("weak evidence");
    }

    /** A reviewer's outcome: decided, or final when it answers an appeal (overturned when it changes anything). */
    Dispute decide(Dispute d, DisputeOutcome outcome, Long partialRefund, String by, String note, Jurisdiction j, long now) {
        requireState(d, DECIDABLE, "decided");
        long refund = switch (outcome) {
            case WON -> d.amount();
            case LOST -> 0;
            case PARTIAL -> {
                if (partialRefund >= d.amount()) {
                    throw new DisputeException(DisputeError.INVALID, "a partial refund must be less than the disputed amount " + d.amount());
                }
                yield partialRefund;
            }
        };
        Dispute r = d.withDecision(outcome, refund, by, false);
        String why = "decided " + outcome.wire() + " by " + by + (note == null ? "" : ": " + note);
        if (d.appeal() != null) {
            boolean overturned = outcome != d.appeal().previousOutcome() || refund != d.appeal().previousRefund();
            return r.withOverturned(overturned).moveTo(DisputeState.FINAL, null, 0, now, by,
                    (overturned ? "appeal upheld, " : "appeal rejected, ") + why);
        }
        return r.moveTo(DisputeState.DECIDED, null, j.deadline(DisputeState.DECIDED, null, now), now, by, why);
    }

    Dispute escalate(Dispute d, String by, String note, Jurisdiction j, long now) {
        requireState(d, DECIDABLE, "escalated");
        if (d.tier() == Tier.L3) {
            throw new DisputeException(DisputeError.WRONG_STATE, "dispute " + d.id() + " is already at L3 (external arbitration)");
        }
        Tier next = d.state() == DisputeState.ESCALATED && d.tier() != null ? d.tier().next() : Tier.L1;
        return d.moveTo(DisputeState.ESCALATED, next, j.deadline(DisputeState.ESCALATED, next, now), now, by,
                "escalated to " + next.wire() + (note == null ? "" : ": " + note));
    }

    Dispute appeal(Dispute d, Appeal a, Jurisdiction j, long now) {
        requireState(d, EnumSet.of(DisputeState.DECIDED), "appealed");
        if (now > d.deadline()) {
            throw new DisputeException(DisputeError.WRONG_STATE, "the appeal window of dispute " + d.id() + " has closed");
        }
        return d.withAppeal(a).moveTo(DisputeState.APPEALED, null, j.deadline(DisputeState.APPEALED, null, now), now,
                a.by().wire(), "appealed by the " + a.by().wire() + ": a different reviewer decides");
    }

    /**
     * What a passed deadline does (open and evidence are handled by {@link #resolve} with fresh evidence):
     * L1 to L2, L2 to L3, L3 decided for the claimant (or, on appeal, the decision stands and is final); decided
     * and appealed become final with the decision standing.
     */
    Dispute timeout(Dispute d, Jurisdiction j, long now) {
        return switch (d.state()) {
            case ESCALATED -> {
                if (d.tier() != Tier.L3) {
                    Tier next = d.tier() == null ? Tier.L1 : d.tier().next();
                    yield d.moveTo(DisputeState.ESCALATED, next, j.deadline(DisputeState.ESCALATED, next, now), now,
                            Dispute.SYSTEM, "deadline passed at " + (d.tier() == null ? "escalation" : d.tier().wire()) + ": to " + next.wire());
                }
                if (d.appeal() != null) {
                    yield d.moveTo(DisputeState.FINAL, null, 0, now, Dispute.SYSTEM, "arbitration deadline passed on appeal: the decision stands");
                }
                yield d.withDecision(DisputeOutcome.WON, d.amount(), Dispute.SYSTEM, false)
                        .moveTo(DisputeState.DECIDED, null, j.deadline(DisputeState.DECIDED, null, now), now, Dispute.SYSTEM,
                                "arbitration deadline passed: decided for the claimant");
            }
            case DECIDED -> d.moveTo(DisputeState.FINAL, null, 0, now, Dispute.SYSTEM, "appeal window closed");
            case APPEALED -> d.moveTo(DisputeState.FINAL, null, 0, now, Dispute.SYSTEM, "appeal not decided in time: the decision stands");
            default -> throw new IllegalStateException("no timeout for " + d.state());
        };
    }

    static void requireState(Dispute d, Set<DisputeState> allowed, String what) {
        if (!allowed.contains(d.state())) {
            throw new DisputeException(DisputeError.WRONG_STATE, "dispute " + d.id() + " is " + d.state().wire()
                    + " and cannot be " + what + " (only when " + allowed.stream().map(DisputeState::wire).toList() + ")");
        }
    }
}
