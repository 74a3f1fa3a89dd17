package dev.farthing.settlement.service;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one payout nets, for its report: the payee account's movements since its previous payout, by kind
 * (transfer code {@code refund}, {@code chargeback}, {@code fee}; other credits are earnings, other debits
 * {@code other_debits}), the reserve kept back and the sub-unit remainder carried to the next payout. The amount
 * paid is always the ledger's available balance less those two: the breakdown explains it, it does not decide it.
 * Reads at most {@link #MAX_PAGES} pages of history.
 */
final class Netting {
    static final int MAX_PAGES = 10;

    private Netting() {
    }

    static Map<String, Long> breakdown(Ledger reads, AccountView account, String previousHoldId, long reserve,
                                       long remainder, long paid) {
        Map<String, Long> out = new TreeMap<>();
        String cursor = null;
        scan:
        for (int page = 0; page < MAX_PAGES; page++) {
            Outcome<Page<TransferView>> o = LedgerBooks.await(reads.listAccountTransfers(account.id(), 1000, cursor));
            if (!o.isOk()) break;
            for (TransferView t : o.value().items()) {
                if (t.id().equals(previousHoldId)) break scan;
                if (t.id().startsWith("sett.")) continue; // earlier payouts and their returns
                long amount = t.status() == TransferStatus.POSTED && t.pendingTimeoutS() > 0 ? t.postedAmount() : t.amount();
                if (t.pendingTimeoutS() > 0 && t.status() != TransferStatus.POSTED) continue; // holds not (yet) posted
                boolean credit = t.creditAccount().equals(account.id());
                String kind = credit ? "earnings" : switch (t.code() == null ? "" : t.code()) {
                    case "refund", "chargeback", "fee" -> t.code() + "s";
                    default -> "other_debits";
                };
                out.merge(kind, credit ? amount : -amount, Math::addExact);
            }
            cursor = o.value().nextCursor();
            if (cursor == null) break;
        }
        out.put("reserve", -reserve);
        out.put("carried_remainder", -remainder);
        out.put("payout", paid);
        return out;
    }
}
