package dev.farthing.contracts.audit;

import java.util.Objects;

/**
 * One decision or action for the audit trail: who did what to which subject, and the subject's state before
 * and after. Domains build these; the audit log stamps them with time, sequence and the hash chain.
 *
 * @param actor   the key id (or {@code system:<module>} for an automatic decision) that acted
 * @param role    the actor's role on the wire ({@code operator}, {@code reviewer}, ..., or {@code system})
 * @param action  what was done, dotted and stable, e.g. {@code review.decided}, {@code dispute.opened}
 * @param subject what it was done to, typed, e.g. {@code payment:p-1}, {@code dispute:d-7}, {@code key:k-2}
 * @param before  the subject's state before, as canonical JSON, or {@code null} when it did not exist
 * @param after   the subject's state after, as canonical JSON, or {@code null} when it no longer exists
 */
public record AuditEvent(String actor, String role, String action, String subject, String before, String after) {

    public AuditEvent {
        requireText(actor, "actor");
        requireText(role, "role");
        requireText(action, "action");
        requireText(subject, "subject");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
