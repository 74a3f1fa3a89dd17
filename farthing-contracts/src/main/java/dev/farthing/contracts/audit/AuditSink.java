package dev.farthing.contracts.audit;

/**
 * Where a domain appends what it decided. The implementation (the {@code farthing-audit} module) chains each
 * event to the one before on the record log; domains only see this interface, so a domain module needs no
 * dependency on the audit module and a test can pass a list.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Appends the event. It must not block the caller on an fsync: durability is the log's group commit.
     * Throws if the event cannot be accepted (the log is full or closed); a decision that cannot be audited
     * is not taken silently.
     */
    void append(AuditEvent event);

    /** A sink that drops everything: only for tests and tools that have no audit log. */
    AuditSink NONE = event -> { };
}
