package dev.farthing.compliance.monitoring;

import dev.farthing.compliance.monitoring.AccountWindow.Movement;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.SystemAccounts;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's memory, applied one ledger event at a time by one thread: a window per account (least recently
 * active accounts evicted beyond {@link MonitoringRules#maxAccounts()}), the kinds of the accounts that are not
 * wallets (merchants are not fanned into, settlement accounts are where cash comes from), and pending holds until
 * they post. Everything is bounded; everything is a function of the events, so replay gives the same alerts.
 */
final class MonitorState {
    static final int MAX_KINDS = 1_000_000;
    final MonitoringRules rules;
    final Map<String, Integer> scales;
    final Scenarios scenarios;
    final LinkedHashMap<String, AccountWindow> accounts;
    final LinkedHashMap<String, AccountKind> kinds = new LinkedHashMap<>();
    final LinkedHashMap<String, Hold> pending;
    EventPosition position = EventPosition.START;

    /** A pending hold, remembered until it posts: who pays whom, in which currency. */
    record Hold(String debit, String credit, String currency) {
    }

    long evictions;

    MonitorState(MonitoringRules rules, Map<String, Integer> scales) {
        this.rules = rules;
        this.scales = Map.copyOf(scales);
        this.scenarios = new Scenarios(rules);
        this.accounts = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AccountWindow> eldest) {
                boolean evict = size() > rules.maxAccounts();
                if (evict) evictions++;
                return evict;
            }
        };
        this.pending = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Hold> eldest) {
                return size() > rules.maxPendingHolds();
            }
        };
    }

    /** Applies one event (after {@link #position}) and returns the alerts it raises. */
    List<Alert> apply(TailedEvent e) {
        assert e.position().compareTo(position) > 0 : "events are applied in order, once";
        position = e.position();
        String pos = e.position().toString();
        return switch (e.event()) {
            case LedgerEvent.AccountOpened o -> {
                if (o.kind() != AccountKind.WALLET && kinds.size() < MAX_KINDS) kinds.put(o.id(), o.kind());
                yield List.of();
            }
            case LedgerEvent.TransferCommitted c -> {
                TransferView t = c.transfer();
                if (t.status() == TransferStatus.PENDING) {
                    pending.put(t.id(), new Hold(t.debitAccount(), t.creditAccount(), t.currency()));
                    yield List.of();
                }
                yield moved(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(), t.timestamp(), pos);
            }
            case LedgerEvent.PendingResolved p -> {
                Hold h = pending.remove(p.transferId());
                if (h == null || p.outcome() != TransferStatus.POSTED || p.postedAmount() <= 0) yield List.of();
                yield moved(p.transferId(), h.debit(), h.credit(), p.postedAmount(), h.currency(), p.timestamp(), pos);
            }
            case LedgerEvent.AccountStatusChanged s -> List.of();
        };
    }

    private List<Alert> moved(String id, String debit, String credit, long amount, String currency, long at, String pos) {
        List<Alert> alerts = new ArrayList<>(0);
        side(id, debit, credit, amount, currency, at, false, pos, alerts);
        side(id, credit, debit, amount, currency, at, true, pos, alerts);
        return alerts;
    }

    private void side(String id, String account, String counterparty, long amount, String currency, long at, boolean in,
                      String pos, List<Alert> alerts) {
        AccountKind kind = kindOf(account);
        if (SystemAccounts.isReserved(account) || (kind != AccountKind.WALLET && kind != AccountKind.MERCHANT)) return;
        AccountWindow w = accounts.get(account);
        if (w == null) {
            w = new AccountWindow();
            accounts.put(account, w);
        }
        long idle = w.lastActivity == 0 ? 0 : at - w.lastActivity;
        Movement m = new Movement(id, counterparty, amount, currency, at, in, isCash(counterparty),
                kindOf(counterparty) == AccountKind.MERCHANT);
        w.add(m, rules.longestWindow().toNanos(), rules.maxMovementsPerAccount());
        w.lastActivity = at;
        alerts.addAll(scenarios.evaluate(account, kind == AccountKind.WALLET, w, m, scales.getOrDefault(currency, 2), idle, pos));
    }

    AccountKind kindOf(String account) {
        return kinds.getOrDefault(account, AccountKind.WALLET);
    }

    private boolean isCash(String counterparty) {
        if (kindOf(counterparty) == AccountKind.SETTLEMENT) return true;
        for (String prefix : rules.cashAccountPrefixes()) {
            if (counterparty.startsWith(prefix)) return true;
        }
        return false;
    }
}
