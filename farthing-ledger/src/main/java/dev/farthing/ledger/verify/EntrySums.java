package dev.farthing.ledger.verify;

import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.HashMap;
import java.util.Map;

/**
 * An independent recomputation of every account's totals from its entries, sharing no code with the
 * state machine's balance updates, so a bug there cannot hide itself here.
 */
final class EntrySums {
    private final Map<String, long[]> sums = new HashMap<>();
    private final Map<String, TransferView> openHolds = new HashMap<>();
    private long transfers;

    void accept(LedgerEvent event) {
        if (event instanceof TransferCommitted c) {
            TransferView t = c.transfer();
            transfers++;
            boolean pending = t.status() == TransferStatus.PENDING;
            add(t.debitAccount(), pending ? 2 : 0, t.amount());
            add(t.creditAccount(), pending ? 3 : 1, t.amount());
            if (pending) {
                openHolds.put(t.id(), t);
            }
        } else if (event instanceof PendingResolved r) {
            TransferView hold = openHolds.remove(r.transferId());
            if (hold == null) {
                throw new IllegalStateException("journal resolves " + r.transferId() + ", which is not an open hold");
            }
            add(hold.debitAccount(), 2, -hold.amount());
            add(hold.creditAccount(), 3, -hold.amount());
            add(hold.debitAccount(), 0, r.postedAmount());
            add(hold.creditAccount(), 1, r.postedAmount());
        }
    }

    private void add(String account, int field, long amount) {
        long[] s = sums.computeIfAbsent(account, a -> new long[4]);
        s[field] = Math.addExact(s[field], amount);
    }

    long transfers() {
        return transfers;
    }

    /** Null when the account's stored totals equal its entries' sums, else what differs. */
    String mismatch(AccountView a) {
        long[] s = sums.getOrDefault(a.id(), new long[4]);
        if (s[0] == a.debitsPosted() && s[1] == a.creditsPosted() && s[2] == a.debitsPending() && s[3] == a.creditsPending()) {
            return null;
        }
        return "account " + a.id() + " totals (" + a.debitsPosted() + ", " + a.creditsPosted() + ", " + a.debitsPending()
                + ", " + a.creditsPending() + ") differ from its entries (" + s[0] + ", " + s[1] + ", " + s[2] + ", " + s[3] + ")";
    }
}
