package dev.farthing.compliance.cases;

import java.util.Locale;
import java.util.Set;

/**
 * Where a case stands: open -> investigating -> escalated -> closed_no_action | sar_filed. A case may be closed
 * without action from open, investigating or escalated; sar_filed is reached only by a second compliance user
 * approving a proposed filing ({@link CaseBook#approveSar}).
 */
public enum CaseState {
    OPEN, INVESTIGATING, ESCALATED, CLOSED_NO_ACTION, SAR_FILED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public boolean closed() { return this == CLOSED_NO_ACTION || this == SAR_FILED; }

    /** The states an ordinary transition may move to (sar_filed is never one: it needs four eyes). */
    public Set<CaseState> next() {
        return switch (this) {
            case OPEN -> Set.of(INVESTIGATING, CLOSED_NO_ACTION);
            case INVESTIGATING -> Set.of(ESCALATED, CLOSED_NO_ACTION);
            case ESCALATED -> Set.of(CLOSED_NO_ACTION);
            case CLOSED_NO_ACTION, SAR_FILED -> Set.of();
        };
    }
}
