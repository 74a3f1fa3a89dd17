package dev.farthing.disputes.calendar;

import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.Tier;

import java.util.Map;
import java.util.Objects;

/**
 * The rules of one scheme or jurisdiction: its business calendar, how many business days each state may last (an
 * escalated dispute per tier), the value up to which the service may decide alone (minor units, per currency; a
 * currency not named may not be decided automatically), and whether a claimant gets provisional credit while a
 * person looks at the dispute (Reg E).
 *
 * <p>What happens on timeout is fixed, the same everywhere, and documented in docs/DISPUTES.md: open and
 * evidence are resolved on what is there (else escalated to L1), L1 goes to L2, L2 to L3, L3 is decided for the
 * claimant, decided and appealed become final with the decision standing.
 */
public record Jurisdiction(String name, BusinessCalendar calendar, Map<DisputeState, Integer> days,
                           Map<Tier, Integer> tierDays, Map<String, Long> autoLimit, boolean provisionalCredit) {
    public Jurisdiction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        days = Map.copyOf(days);
        tierDays = Map.copyOf(tierDays);
        autoLimit = Map.copyOf(autoLimit);
        for (DisputeState s : DisputeState.values()) {
            if (s != DisputeState.FINAL && s != DisputeState.ESCALATED && !days.containsKey(s)) {
                throw new IllegalArgumentException(name + ": no deadline for state " + s.wire());
            }
        }
        for (Tier t : Tier.values()) {
            if (!tierDays.containsKey(t)) {
                throw new IllegalArgumentException(name + ": no deadline for tier " + t.wire());
            }
        }
    }

    /** The deadline of entering {@code state} (at {@code tier} when escalated) at {@code now}; 0 for final. */
    public long deadline(DisputeState state, Tier tier, long now) {
        if (state == DisputeState.FINAL) {
            return 0;
        }
        int d = state == DisputeState.ESCALATED ? tierDays.get(tier) : days.get(state);
        return calendar.addBusinessDays(now, d);
    }

    /** True when {@code amount} of {@code currency} is small enough to be decided without a person. */
    public boolean underAutoLimit(String currency, long amount) {
        Long limit = autoLimit.get(currency);
        return limit != null && amount <= limit;
    }
}
