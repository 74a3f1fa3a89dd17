package dev.farthing.disputes.eval;

import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.evidence.EvidenceSources;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The measurement generator, written apart from the simulator's tuning mix: a small platform lived through
 * simulated time. Users with their own devices and home addresses pay creators for content over 50 days; streams
 * sometimes fail, a creator's billing bug sometimes overcharges or charges twice, some accounts are taken over
 * and an attacker pays from a new device and address. Disputes then come from what happened: users whose stream
 * failed or who were overcharged or charged twice (honest), victims of takeovers (unauthorized, true), users who
 * watched in full and dispute anyway (friendly fraud), and a few serial disputers who dispute many payments.
 * Ground truth is what really happened. Nothing here is drawn from the tuning mix's distributions.
 */
final class Platform implements EvidenceSources {
    static final long DAY = 86_400_000_000_000L;
    final long start;
    final Random rnd;
    final List<Payment> payments = new ArrayList<>();
    final List<Claim> claims = new ArrayList<>();
    private final Map<String, List<PaymentFacts>> byPayer = new HashMap<>();
    private final Map<String, PaymentFacts> byId = new HashMap<>();
    private final Map<String, List<PaymentFacts>> byContent = new HashMap<>();

    enum Kind { HONEST, FRAUD_VICTIM, FRIENDLY_FRAUD, SERIAL_DISPUTER }

    /** A payment as it happened: the facts, the stream's progress (null: no delivery record), who really paid. */
    record Payment(PaymentFacts facts, Double progress, boolean byAttacker, boolean overcharged, long fairPrice, boolean twin) {
    }

    /** A dispute to file at {@code at}, with the truth. */
    record Claim(String id, Payment payment, Reason reason, Long amount, Kind kind, DisputeOutcome truth, long fairRefund, long at) {
    }

    Platform(long seed, int users, long start) {
        this.rnd = new Random(seed);
        this.start = start;
        int creators = Math.max(5, users / 25);
        long[][] prices = new long[creators][];
        for (int c = 0; c < creators; c++) {
            prices[c] = new long[3 + rnd.nextInt(6)];
            for (int i = 0; i < prices[c].length; i++) prices[c][i] = 50_000L * (1 + rnd.nextInt(60));
        }
        int n = 0;
        for (int u = 0; u < users; u++) {
            String user = "u" + u;
            String[] devices = {"dv-" + u + "a", "dv-" + u + "b"};
            String home = "198.51." + (u / 250) + "." + (u % 250);
            boolean serial = rnd.nextDouble() < 0.012;
            boolean friendly = !serial && rnd.nextDouble() < 0.04;
            double takeoverDay = rnd.nextDouble() < 0.035 ? 10 + rnd.nextDouble() * 35 : -1;
            int count = 3 + rnd.nextInt(14);
            List<Payment> mine = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                long at = start + (long) (rnd.nextDouble() * 50 * DAY);
                int c = rnd.nextInt(creators);
                int item = rnd.nextInt(prices[c].length);
                long price = prices[c][item];
                String content = "creator" + c + "/item" + item;
                boolean over = rnd.nextDouble() < 0.012;
                long amount = over ? price * 3 : price;
                Double progress = streamProgress();
                String device = rnd.nextDouble() < 0.85 ? devices[0] : devices[1];
                String ip = rnd.nextDouble() < 0.8 ? home : "203.0.113." + rnd.nextInt(250);
                Payment p = pay("p" + (n++), user, "creator" + c, content, amount, device, ip, rnd.nextDouble() * 0.3, at, progress, false, over, price, false);
                mine.add(p);
                if (rnd.nextDouble() < 0.01) {
                    mine.add(pay("p" + (n++), user, "creator" + c, content, amount, device, ip, rnd.nextDouble() * 0.3,
                            at + (long) (rnd.nextDouble() * 120e9), progress, false, false, price, true));
                }
            }
            if (takeoverDay > 0) {
                int stolen = 1 + rnd.nextInt(3);
                for (int k = 0; k < stolen; k++) {
                    long at = start + (long) ((takeoverDay + rnd.nextDouble()) * DAY);
                    int c = rnd.nextInt(creators);
                    int item = rnd.nextInt(prices[c].length);
                    long price = prices[c][item];
                    double score = 0.15 + rnd.nextDouble() * 0.8;
                    mine.add(pay("p" + (n++), user, "creator" + c, "creator" + c + "/item" + item, price, "dv-x" + u + "-" + k, "192.0.2." + rnd.nextInt(250),
                            score, at, rnd.nextDouble() < 0.7 ? 0.5 + rnd.nextDouble() * 0.5 : null, true, false, price, false));
                }
            }
            mine.sort(Comparator.comparingLong(p -> p.facts().paidAt()));
            payments.addAll(mine);
            claimsOf(user, mine, serial, friendly);
        }
        payments.sort(Comparator.comparingLong(p -> p.facts().paidAt()));
        claims.sort(Comparator.comparingLong(Claim::at));
    }

    /** Most streams are watched mostly; some fail early; some have no delivery record (a CDN that never started). */
    private Double streamProgress() {
        double u = rnd.nextDouble();
        if (u < 0.03) return null;
        if (u < 0.07) return rnd.nextDouble() * 0.2;
        if (u < 0.15) return 0.4 + rnd.nextDouble() * 0.4;
        return 0.85 + rnd.nextDouble() * 0.15;
    }

    private Payment pay(String id, String user, String creator, String content, long amount, String device, String ip, double score,
                        long at, Double progress, boolean attacker, boolean over, long price, boolean twin) {
        boolean fee = creator.hashCode() % 2 == 0;
        long feeAmount = fee ? Math.max(1, amount / 10) : 0;
        List<String> reasons = score > 0.55 ? List.of("new_device_high_value") : List.of();
        PaymentFacts f = new PaymentFacts(id, user, creator, amount, "USD", id, fee ? "platform" : null, feeAmount,
                fee ? id + ".fee" : null, score > 0.7 ? "challenged" : "approved", score, reasons, device, ip, "op-key", at, content);
        Payment p = new Payment(f, progress, attacker, over, price, twin);
        byPayer.computeIfAbsent(user, k -> new ArrayList<>()).add(f);
        byContent.computeIfAbsent(content, k -> new ArrayList<>()).add(f);
        byId.put(id, f);
        return p;
    }

    private void claimsOf(String user, List<Payment> mine, boolean serial, boolean friendly) {
        int falseClaims = serial ? 5 + rnd.nextInt(6) : friendly ? 1 : 0;
        for (Payment p : mine) {
            long whole = p.facts().amount() + p.facts().feeAmount();
            long after = p.facts().paidAt() + (long) ((0.2 + rnd.nextDouble() * 4) * DAY);
            Kind honestKind = serial ? Kind.SERIAL_DISPUTER : Kind.HONEST;
            if (p.byAttacker()) {
                if (rnd.nextDouble() < 0.95) add(user, p, Reason.UNAUTHORIZED, null, Kind.FRAUD_VICTIM, DisputeOutcome.WON, whole, after);
            } else if (p.twin()) {
                if (rnd.nextDouble() < 0.8) add(user, p, Reason.DUPLICATE, null, honestKind, DisputeOutcome.WON, whole, after);
            } else if (p.overcharged()) {
                if (rnd.nextDouble() < 0.8) {
                    long over = p.facts().amount() - p.fairPrice();
                    add(user, p, Reason.AMOUNT_WRONG, over, honestKind, DisputeOutcome.PARTIAL, over, after);
                }
            } else if (p.progress() == null || p.progress() < 0.2) {
                if (rnd.nextDouble() < 0.6) {
                    Reason r = rnd.nextDouble() < 0.8 ? Reason.NOT_DELIVERED : Reason.NOT_AS_DESCRIBED;
                    add(user, p, r, null, honestKind, DisputeOutcome.WON, whole, after);
                }
            } else if (falseClaims > 0 && p.progress() >= 0.85 && rnd.nextDouble() < (serial ? 0.7 : 0.3)) {
                falseClaims--;
                Reason r = switch (rnd.nextInt(3)) {
                    case 0 -> Reason.NOT_DELIVERED;
                    case 1 -> Reason.UNAUTHORIZED;
                    default -> Reason.NOT_AS_DESCRIBED;
                };
                add(user, p, r, null, serial ? Kind.SERIAL_DISPUTER : Kind.FRIENDLY_FRAUD, DisputeOutcome.LOST, 0, after);
            }
        }
    }

    private void add(String user, Payment p, Reason r, Long amount, Kind k, DisputeOutcome truth, long fair, long at) {
        claims.add(new Claim("d-" + p.facts().paymentId(), p, r, amount, k, truth, fair, at));
    }

    @Override
    public Optional<PaymentFacts> payment(String paymentId) {
        return Optional.ofNullable(byId.get(paymentId));
    }

    @Override
    public List<PaymentFacts> earlierPayments(String payer, String deviceId, String ip, long before, int limit) {
        return byPayer.getOrDefault(payer, List.of()).stream()
                .filter(f -> f.paidAt() < before && (f.deviceId().equals(deviceId) || f.ip().equals(ip)))
                .sorted(Comparator.comparingLong(PaymentFacts::paidAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<PaymentFacts> paymentsBetween(String payer, String payee, long from, long to, int limit) {
        return byPayer.getOrDefault(payer, List.of()).stream()
                .filter(f -> f.payee().equals(payee) && f.paidAt() >= from && f.paidAt() <= to)
                .sorted(Comparator.comparingLong(PaymentFacts::paidAt).reversed()).limit(limit).toList();
    }

    @Override
    public List<PaymentFacts> paymentsForContent(String contentId, long before, int limit) {
        return byContent.getOrDefault(contentId, List.of()).stream().filter(f -> f.paidAt() < before)
                .sorted(Comparator.comparingLong(PaymentFacts::paidAt).reversed()).limit(limit).toList();
    }

    @Override
    public Optional<ChannelFacts> channel(String channelId) {
        return Optional.empty();
    }
}
