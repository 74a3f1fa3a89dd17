package dev.farthing.audit;

/**
 * What to read from the trail: every filter is optional (null), and they combine. Records come in sequence
 * order, starting after {@code afterSequence} (0 for the first page), at most {@code limit} of them.
 *
 * @param subject       exactly this subject ({@code payment:p-1})
 * @param actor         exactly this actor (a key id, or {@code system:<module>})
 * @param action        exactly this action ({@code review.decided}), or every action under a prefix ending in
 *                      a dot ({@code review.})
 * @param fromNanos     time at or after this (ledger nanoseconds)
 * @param toNanos       time before this
 * @param afterSequence the cursor: the last sequence of the page before
 * @param limit         1..{@link #MAX_LIMIT}
 */
public record AuditQuery(String subject, String actor, String action, Long fromNanos, Long toNanos,
                         long afterSequence, int limit) {
    public static final int MAX_LIMIT = 1_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative");
        }
    }

    public static AuditQuery bySubject(String subject, int limit) {
        return new AuditQuery(subject, null, null, null, null, 0, limit);
    }

    public AuditQuery after(long sequence) {
        return new AuditQuery(subject, actor, action, fromNanos, toNanos, sequence, limit);
    }

    boolean matchesAction(String recorded) {
        return action == null || (action.endsWith(".") ? recorded.startsWith(action) : recorded.equals(action));
    }
}
