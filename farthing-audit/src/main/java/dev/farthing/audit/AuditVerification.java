package dev.farthing.audit;

/**
 * What {@link AuditLog#verify} found: either the whole chain re-proved ({@code ok}, with how many records and
 * the hash of the last, which an operator can note down elsewhere to catch a rewrite of the whole tail), or
 * the first record that is not what the chain says it must be.
 *
 * @param ok          true when every record re-proved
 * @param records     how many records re-proved before the first bad one (all of them when ok)
 * @param headHash    hex hash of the last good record (64 zeros for an empty trail)
 * @param badSequence the sequence the first bad record should have had, or 0 when ok
 * @param badPosition its position in the record log, or -1 when ok
 * @param problem     what is wrong with it, or null when ok
 */
public record AuditVerification(boolean ok, long records, String headHash, long badSequence, long badPosition,
                                String problem) {

    /** One line: {@code VERIFIED: ...} or {@code FAILED: record N (position P): ...}. */
    public String verdict() {
        if (ok) {
            return "VERIFIED: " + records + " audit records, chain head " + headHash;
        }
        return "FAILED: audit record " + badSequence + " (log position " + badPosition + "): " + problem
                + "; the " + records + " records before it re-proved";
    }
}
