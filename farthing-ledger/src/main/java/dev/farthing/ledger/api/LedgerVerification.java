package dev.farthing.ledger.api;

import dev.farthing.ledger.journal.CorruptionException;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.verify.LedgerVerifier;

import java.nio.file.Path;
import java.util.List;

/**
 * The offline check behind {@code farthing verify}, for callers outside the ledger: every journal record's
 * checksum and hash chain, a replay with all invariants on, balances recomputed from the entries, and every
 * snapshot compared with the replayed state. Read-only. Damage is reported in the {@link VerifyReport}, never
 * thrown.
 */
public final class LedgerVerification {

    /** Progress in journal bytes: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    private LedgerVerification() {
    }

    /** {@code progress} may be null. */
    public static VerifyReport verify(Path dataDir, List<Currency> currencies, Progress progress) {
        try {
            return LedgerVerifier.verify(dataDir, currencies, progress == null ? null : progress::update);
        } catch (CorruptionException e) {
            // A damaged snapshot is found while the verifier indexes snapshots, before its own reporting.
            return new VerifyReport(false, e.getMessage(), e.file().toString(), e.offset(), 0, 0, 0, 0, 0, 0);
        }
    }
}
