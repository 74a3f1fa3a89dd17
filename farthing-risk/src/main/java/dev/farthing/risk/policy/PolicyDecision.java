package dev.farthing.risk.policy;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a policy for one payment: the most severe matched action (APPROVE when nothing matched)
 * and every matched rule's reason, most severe first, in file order within one action.
 */
public record PolicyDecision(Action action, List<Reason> reasons) {
    public PolicyDecision {
        Objects.requireNonNull(action, "action");
        reasons = List.copyOf(reasons);
    }

    public static PolicyDecision approveWithoutReasons() {
        return new PolicyDecision(Action.APPROVE, List.of());
    }

    /** True when some matched rule has this reason code. */
    public boolean hasReason(String code) {
        for (Reason r : reasons) {
            if (r.code().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
