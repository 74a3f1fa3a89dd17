package dev.farthing.compliance.monitoring;

import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ledger events written by hand for scenario tests: one event per batch, time moved by the test. USD at scale 2. */
final class Events {
    static final long USD = 100; // one dollar in minor units at scale 2
    static final Map<String, Integer> SCALES = Map.of("USD", 2);
    private long batch;
    private long now = 1_780_000_000_000_000_000L;
    private int transfers;
    final List<TailedEvent> all = new ArrayList<>();

    Events open(String id, AccountKind kind) {
        return add(new LedgerEvent.AccountOpened(tick(), id, "USD", kind, false, 0, Map.of()));
    }

    Events pay(String from, String to, long dollars) {
        long t = tick();
        String id = "t" + ++transfers;
        return add(new LedgerEvent.TransferCommitted(new TransferView(id, from, to, dollars * USD, "USD", null, null, Map.of(),
                0, t, TransferStatus.POSTED, dollars * USD, 0, 0)));
    }

    String lastTransfer() {
        return "t" + transfers;
    }

    Events wait(Duration d) {
        now += d.toNanos();
        return this;
    }

    private long tick() {
        return ++now;
    }

    private Events add(LedgerEvent e) {
        all.add(new TailedEvent(new EventPosition(++batch, 0), e.timestamp(), e));
        return this;
    }

    /** Applies the events not yet applied to {@code s} and returns the alerts they raised. */
    List<Alert> into(MonitorState s) {
        List<Alert> alerts = new ArrayList<>();
        for (TailedEvent e : all) {
            if (e.position().compareTo(s.position) > 0) alerts.addAll(s.apply(e));
        }
        return alerts;
    }
}
