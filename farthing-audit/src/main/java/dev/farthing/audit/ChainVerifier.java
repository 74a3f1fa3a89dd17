package dev.farthing.audit;

import dev.farthing.recordlog.Record;
import dev.farthing.recordlog.RecordLog;
import dev.farthing.recordlog.RecordLogCorruptException;
import dev.farthing.recordlog.RecordScanner;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Walks the log from its start and re-proves every link: each record decodes strictly, its hash matches its
 * bytes, its sequence is one more than the one before, its previous hash is that record's hash, and its time
 * does not go back. Hands each good record to a consumer (the index, on open) and stops at the first bad one.
 */
final class ChainVerifier {
    static final int RECORD_TYPE = 1;

    private ChainVerifier() {
    }

    /** The verification, and (through {@code good}) every record before the first bad one. */
    static Result walk(RecordLog log, Consumer<AuditRecord> good) {
        long sequence = 0;
        byte[] previous = AuditCodec.GENESIS;
        long time = Long.MIN_VALUE;
        long position = log.startPosition();
        try (RecordScanner records = log.scan(position)) {
            while (true) {
                position = records.position();
                if (!records.hasNext()) {
                    break;
                }
                Record r = records.next();
                position = r.position();
                long expected = sequence + 1;
                if (r.type() != RECORD_TYPE) {
                    return bad(sequence, previous, time, expected, position, "unknown record type " + r.type());
                }
                AuditRecord a;
                try {
                    a = AuditCodec.decode(r.payload(), r.position());
                } catch (AuditCodec.MalformedRecordException e) {
                    return bad(sequence, previous, time, expected, position, e.getMessage());
                }
                if (a.sequence() != expected) {
                    return bad(sequence, previous, time, expected, position, "its sequence is " + a.sequence());
                }
                if (!MessageDigest.isEqual(a.previousHash(), previous)) {
                    return bad(sequence, previous, time, expected, position,
                            "its previous hash is not the hash of record " + sequence);
                }
                if (a.timeNanos() < time) {
                    return bad(sequence, previous, time, expected, position, "its time is before record " + sequence + "'s");
                }
                good.accept(a);
                sequence = expected;
                previous = a.hash();
                time = a.timeNanos();
            }
        } catch (RecordLogCorruptException e) {
            return bad(sequence, previous, time, sequence + 1, position, "the record log is damaged: " + e.getMessage());
        }
        return new Result(new AuditVerification(true, sequence, hex(previous), 0, -1, null), sequence, previous, time);
    }

    private static Result bad(long sequence, byte[] previous, long time, long badSequence, long position, String problem) {
        return new Result(new AuditVerification(false, sequence, hex(previous), badSequence, position, problem),
                sequence, previous, time);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** The verification and the chain's head (where appending resumes when it is ok). */
    record Result(AuditVerification verification, long lastSequence, byte[] lastHash, long lastTime) {
    }
}
