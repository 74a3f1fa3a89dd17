package dev.farthing.compliance.evaluation;

import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated month of wallet traffic with labelled laundering, written from typology descriptions (FATF, FinCEN
 * advisories) and ordinary household behaviour, independently of the monitoring rules: it imports nothing from
 * {@code monitoring} and its parameters were set before the rules were measured on it. Amounts in USD cents.
 *
 * <p>Ordinary customers: salary from an employer, card spending at merchants, payments to friends, rent, cash
 * withdrawals and the odd cash deposit; some run a small business out of their wallet (many small payers), some
 * buy a car with money a relative sent that day, some come back after months away. Patterns (each a labelled
 * account): structuring (3..8 cash deposits of 8,000..9,990 over 1..10 days, then moved on), fan-in to a cash-out
 * (8..30 senders of 150..2,000 over 1..5 days, then 80..95% withdrawn in cash), rapid pass-through (2,000..50,000
 * in, 85..99% out to 1..3 accounts within 5..90 minutes, 1..4 times), dormant woken up (silent 200..700 days, then
 * 3,000..40,000 in and out within days).
 */
final class LaunderingTraffic {
    static final long DAY = 86_400_000_000_000L;
    static final long MINUTE = 60_000_000_000L;
    static final long START = 1_780_000_000_000_000_000L;
    static final String CASH = "cash-desk";
    static final List<String> PATTERNS = List.of("structuring", "fan_in_cash_out", "rapid_pass_through", "dormant_woken");

    private record Move(long at, String from, String to, long cents) {
    }

    private final Random rnd;
    private final List<Move> moves = new ArrayList<>();
    private final Map<String, AccountKind> kinds = new LinkedHashMap<>();
    /** Laundering account -> its pattern. */
    final Map<String, String> launderers = new HashMap<>();
    final List<String> ordinary = new ArrayList<>();
    private int transferSeq;

    LaunderingTraffic(long seed) {
        this.rnd = new Random(seed);
        kinds.put(CASH, AccountKind.SETTLEMENT);
    }

    private long dollars(int lo, int hi) {
        return (lo + rnd.nextInt(hi - lo + 1)) * 100L + rnd.nextInt(100);
    }

    private long inMonth() {
        return START + (long) (rnd.nextDouble() * 30 * DAY);
    }

    private void move(long at, String from, String to, long cents) {
        moves.add(new Move(at, from, to, cents));
    }

    LaunderingTraffic ordinaryCustomers(int n) {
        List<String> merchants = new ArrayList<>();
        for (int i = 0; i < 60; i++) merchants.add("merchant-" + i);
        for (int i = 0; i < 20; i++) kinds.put("employer-" + i, AccountKind.MERCHANT);
        merchants.forEach(m -> kinds.put(m, AccountKind.MERCHANT));
        kinds.put("car-dealer", AccountKind.MERCHANT);
        for (int i = 0; i < n; i++) ordinary.add("c-" + i);
        for (String c : ordinary) {
            double kind = rnd.nextDouble();
            if (kind < 0.05) { // an occasional user, back after months: a few small payments
                move(START - (30 + rnd.nextInt(335)) * DAY, CASH, c, dollars(20, 300));
                for (int k = rnd.nextInt(4); k > 0; k--) move(inMonth(), c, ordinary.get(rnd.nextInt(n)), dollars(5, 80));
                continue;
            }
            move(START - (1 + rnd.nextInt(20)) * DAY, "employer-" + rnd.nextInt(20), c, dollars(200, 900)); // last month's tail
            String employer = "employer-" + rnd.nextInt(20);
            long salary = rnd.nextDouble() < 0.3 ? (1_500 + rnd.nextInt(45) * 100) * 100L : dollars(1_500, 6_000);
            int paydays = rnd.nextDouble() < 0.4 ? 2 : 1;
            for (int p = 0; p < paydays; p++) move(START + (p * 15L + 1 + rnd.nextInt(3)) * DAY, employer, c, salary / paydays);
            for (int k = 20 + rnd.nextInt(41); k > 0; k--) move(inMonth(), c, merchants.get(rnd.nextInt(60)), dollars(5, 200));
            for (int k = rnd.nextInt(9); k > 0; k--) move(inMonth(), c, ordinary.get(rnd.nextInt(n)), dollars(10, 300));
            if (rnd.nextDouble() < 0.6) move(START + rnd.nextInt(5) * DAY, c, "landlord-" + rnd.nextInt(200),
                    rnd.nextBoolean() ? (600 + rnd.nextInt(20) * 100) * 100L : dollars(600, 2_500));
            for (int k = rnd.nextInt(5); k > 0; k--) move(inMonth(), c, CASH, (2 + rnd.nextInt(39)) * 1_000L);
            if (rnd.nextDouble() < 0.15) move(inMonth(), CASH, c, dollars(100, 3_000));
            if (kind > 0.95) { // a small business run from the wallet: 20..80 customers a month
                for (int k = 20 + rnd.nextInt(61); k > 0; k--) move(inMonth(), ordinary.get(rnd.nextInt(n)), c, dollars(10, 150));
            }
            if (rnd.nextDouble() < 0.01) { // a car bought with money a relative sent that morning
                long at = inMonth();
                long price = dollars(8_000, 25_000);
                move(at, "relative-" + c, c, price);
                move(at + (30 + rnd.nextInt(300)) * MINUTE, c, "car-dealer", price);
            }
        }
        return this;
    }

    LaunderingTraffic patterns(int perPattern) {
        for (int i = 0; i < perPattern; i++) {
            structuring("l-struct-" + i);
            fanInCashOut("l-mule-" + i);
            passThrough("l-pass-" + i);
            dormantWoken("l-dormant-" + i);
        }
        return this;
    }

    private void structuring(String a) {
        launderers.put(a, "structuring");
        long at = inMonth();
        long span = (1 + rnd.nextInt(10)) * DAY;
        long total = 0;
        int count = 3 + rnd.nextInt(6);
        for (int k = 0; k < count; k++) {
            long cents = dollars(8_000, 9_990);
            total += cents;
            move(at + (long) (rnd.nextDouble() * span), CASH, a, cents);
        }
        move(at + span + (1 + rnd.nextInt(48)) * 60 * MINUTE, a, "offshore-" + rnd.nextInt(50), total * (70 + rnd.nextInt(30)) / 100);
    }

    private void fanInCashOut(String a) {
        launderers.put(a, "fan_in_cash_out");
        long at = inMonth();
        long span = (1 + rnd.nextInt(5)) * DAY;
        long total = 0;
        for (int k = 8 + rnd.nextInt(23); k > 0; k--) {
            long cents = dollars(150, 2_000);
            total += cents;
            move(at + (long) (rnd.nextDouble() * span), "victim-" + rnd.nextInt(100_000), a, cents);
        }
        long out = total * (80 + rnd.nextInt(16)) / 100;
        int withdrawals = 1 + rnd.nextInt(3);
        for (int k = 0; k < withdrawals; k++) move(at + span + (k + 1) * (10 + rnd.nextInt(600)) * MINUTE, a, CASH, out / withdrawals);
    }

    private void passThrough(String a) {
        launderers.put(a, "rapid_pass_through");
        long at = inMonth();
        for (int round = 1 + rnd.nextInt(4); round > 0; round--) {
            long in = dollars(2_000, 50_000);
            move(at, "source-" + rnd.nextInt(1_000), a, in);
            long out = in * (85 + rnd.nextInt(15)) / 100;
            int legs = 1 + rnd.nextInt(3);
            long after = (5 + rnd.nextInt(86)) * MINUTE;
            for (int k = 0; k < legs; k++) move(at + after * (k + 1) / legs, a, "layer-" + rnd.nextInt(10_000), out / legs);
            at += (1 + rnd.nextInt(5)) * DAY;
        }
    }

    private void dormantWoken(String a) {
        launderers.put(a, "dormant_woken");
        move(START - (200 + rnd.nextInt(501)) * DAY, "old-employer-" + rnd.nextInt(20), a, dollars(50, 500));
        long at = inMonth();
        long in = dollars(3_000, 40_000);
        move(at, "source-" + rnd.nextInt(1_000), a, in);
        move(at + (60 + rnd.nextInt(4 * 24 * 60)) * MINUTE, a, "layer-" + rnd.nextInt(10_000), in * (80 + rnd.nextInt(20)) / 100);
    }

    /** The ledger events: account openings first, then every transfer in time order, one per batch. */
    List<TailedEvent> events() {
        List<TailedEvent> out = new ArrayList<>(moves.size() + kinds.size());
        long batch = 0;
        long t = START - 800 * DAY;
        for (Map.Entry<String, AccountKind> k : kinds.entrySet()) {
            out.add(new TailedEvent(new EventPosition(++batch, 0), t, new LedgerEvent.AccountOpened(++t, k.getKey(), "USD", k.getValue(), false, 0, Map.of())));
        }
        moves.sort(Comparator.comparingLong(Move::at));
        long last = t;
        for (Move m : moves) {
            long at = Math.max(m.at(), last + 1); // ledger time strictly increases
            last = at;
            TransferView v = new TransferView("x" + ++transferSeq, m.from(), m.to(), m.cents(), "USD", null, null, Map.of(), 0, at,
                    TransferStatus.POSTED, m.cents(), 0, 0);
            out.add(new TailedEvent(new EventPosition(++batch, 0), at, new LedgerEvent.TransferCommitted(v)));
        }
        return out;
    }
}
