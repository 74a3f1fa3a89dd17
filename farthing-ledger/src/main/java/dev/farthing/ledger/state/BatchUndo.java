package dev.farthing.ledger.state;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;

/**
 * What one atomic command has applied so far (new transfers, resolved holds), so that a refusal later in the
 * same command can take all of it back before anything is journaled. Writer thread only; one per command.
 */
final class BatchUndo {
    /** {@code hold}: the open hold a resolution closed (null for a new transfer); {@code remembered}: what went into recent. */
    private record Applied(LedgerEvent event, TransferView hold, TransferView remembered) {
    }

    private final List<Applied> applied = new ArrayList<>();

    void committed(TransferCommitted e) {
        applied.add(new Applied(e, null, e.transfer()));
    }

    void resolved(PendingResolved e, TransferView hold, TransferView done) {
        applied.add(new Applied(e, hold, done));
    }

    /** Reverts everything recorded, newest first, and removes its events from the batch's pending events. */
    void rollBack(LedgerState state, RecentTransfers recent, List<LedgerEvent> events) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            Applied a = applied.get(i);
            switch (a.event()) {
                case TransferCommitted e -> state.revert(e);
                case PendingResolved e -> state.revert(e, a.hold());
                default -> throw new IllegalStateException("cannot undo " + a.event());
            }
            recent.forget(a.remembered());
            boolean removed = events.remove(a.event());
            assert removed : "rolled-back event was not pending in this batch";
        }
        applied.clear();
        assert state.checkTotals() == null : "rollback broke conservation: " + state.checkTotals();
    }
}
