package dev.farthing.bench.jmh;

import dev.farthing.bench.Population;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic transfers for the kernels: same ids, account names and amounts as {@code farthing bench ledger}. */
final class KernelData {
    static final int WALLETS = 10_000;
    static final int MERCHANTS = 1_000;
    static final String CURRENCY = "USD";

    private KernelData() {
    }

    /** {@code n} uniform payments (wallet to merchant) with ids unique within {@code tag}. */
    static List<NewTransfer> uniformTransfers(String tag, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NewTransfer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(NewTransfer.simple(tag + "-" + i, "w" + random.nextInt(WALLETS), "m" + random.nextInt(MERCHANTS),
                    1 + random.nextLong(Population.MAX_PAYMENT), CURRENCY));
        }
        return out;
    }

    /** {@code n / 2} hot payments: wallet to the creator plus the linked fee leg to the platform account. */
    static List<NewTransfer> hotTransfers(String tag, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NewTransfer> out = new ArrayList<>(n);
        for (int i = 0; i < n / 2; i++) {
            String wallet = "w" + random.nextInt(WALLETS);
            long amount = 1 + random.nextLong(Population.MAX_PAYMENT);
            out.add(NewTransfer.simple(tag + "-" + i + "p", wallet, Population.CREATOR, amount, CURRENCY));
            out.add(NewTransfer.simple(tag + "-" + i + "f", wallet, Population.PLATFORM_FEE, Population.feeFor(amount), CURRENCY));
        }
        return out;
    }

    static final long EPOCH_NANOS = 1_700_000_000_000_000_000L;

    static List<LedgerEvent> committedEvents(List<NewTransfer> transfers) {
        return committedEvents(transfers, EPOCH_NANOS);
    }

    /** The journal events the ledger would write for {@code transfers}, at increasing timestamps from {@code firstTs}. */
    static List<LedgerEvent> committedEvents(List<NewTransfer> transfers, long firstTs) {
        List<LedgerEvent> events = new ArrayList<>(transfers.size());
        long ts = firstTs;
        for (NewTransfer t : transfers) {
            events.add(new LedgerEvent.TransferCommitted(new TransferView(t.id(), t.debitAccount(), t.creditAccount(),
                    t.amount(), t.currency(), null, null, Map.of(), 0, ts++, TransferStatus.POSTED, t.amount(), 0, 0)));
        }
        return events;
    }
}
