package dev.farthing.audit;

import java.util.List;

/**
 * One page of a query: the records, and the sequence to pass as {@code afterSequence} for the next page, or
 * null when this is the last.
 */
public record AuditPage(List<AuditRecord> records, Long nextAfter) {
}
