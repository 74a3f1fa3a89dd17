package dev.farthing.audit;

import dev.farthing.contracts.audit.AuditEvent;

import java.util.HexFormat;

/**
 * One record of the audit trail as stored: the event, stamped with its place in the chain.
 *
 * @param sequence     1 for the first record, then one more per record, without gaps
 * @param timeNanos    ledger time of the append, nanoseconds since the epoch, never earlier than the record before
 * @param event        who did what to which subject, with before and after
 * @param previousHash the {@link #hash} of the record before (32 zero bytes for the first)
 * @param hash         SHA-256 over this record's canonical encoding ({@link AuditCodec}), previous hash included
 * @param position     where the record lies in the record log (-1 before it is written)
 */
public record AuditRecord(long sequence, long timeNanos, AuditEvent event, byte[] previousHash, byte[] hash,
                          long position) {

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }

    public String previousHashHex() {
        return HexFormat.of().formatHex(previousHash);
    }

    AuditRecord at(long newPosition) {
        return new AuditRecord(sequence, timeNanos, event, previousHash, hash, newPosition);
    }
}
