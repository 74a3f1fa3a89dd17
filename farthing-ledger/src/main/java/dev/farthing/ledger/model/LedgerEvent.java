package dev.farthing.ledger.model;

import java.util.Map;

/**
 * A state change the ledger has decided on. The journal records events, not commands: validation runs
 * once, and replay re-applies the same effects with the same timestamps, so recovery is deterministic
 * by construction and never consults the wall clock.
 */
public sealed interface LedgerEvent {

    /** Ledger time of the change, nanoseconds since the epoch; strictly increasing across events. */
    long timestamp();

    /** {@code bySystem}: opened through an engine module's system handle (journals before it decode as false). */
    record AccountOpened(long timestamp, String id, String currency, AccountKind kind, boolean noOverdraft,
                         long creditLimit, Map<String, String> metadata, boolean bySystem) implements LedgerEvent {

        /** Opened by a client. */
        public AccountOpened(long timestamp, String id, String currency, AccountKind kind, boolean noOverdraft,
                             long creditLimit, Map<String, String> metadata) {
            this(timestamp, id, currency, kind, noOverdraft, creditLimit, metadata, false);
        }
    }

    record AccountStatusChanged(long timestamp, String id, AccountStatus status) implements LedgerEvent {
    }

    /** A new transfer: POSTED at once, or a PENDING hold. {@code transfer.timestamp()} equals {@code timestamp}. */
    record TransferCommitted(TransferView transfer) implements LedgerEvent {
        public TransferCommitted {
            assert transfer.status() == TransferStatus.POSTED || transfer.status() == TransferStatus.PENDING;
        }

        @Override
        public long timestamp() {
            return transfer.timestamp();
        }
    }

    /** A hold ends: POSTED ({@code postedAmount} of it), VOIDED, or EXPIRED by ledger time. */
    record PendingResolved(long timestamp, String transferId, TransferStatus outcome, long postedAmount)
            implements LedgerEvent {
        public PendingResolved {
            assert outcome != TransferStatus.PENDING;
            assert postedAmount >= 0;
        }
    }
}
