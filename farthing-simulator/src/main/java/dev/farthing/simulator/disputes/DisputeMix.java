package dev.farthing.simulator.disputes;

import dev.farthing.disputes.evidence.ClaimantHistory;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.EvidenceItem;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.model.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The tuning generator: a labelled dispute mix drawn case by case from per-archetype distributions of what the
 * service would gather (deliveries, device and address history, the risk decision, twins, price history, the
 * claimant's record). Used to train the dispute model and to tune thresholds; never to measure (the measurement
 * mix is written separately, in farthing-disputes' tests, as a simulated platform).
 */
public final class DisputeMix {
    private final Random rnd;
    private int seq;

    public DisputeMix(long seed) {
        this.rnd = new Random(seed);
    }

    public List<LabelledDispute> draw(int n) {
        List<LabelledDispute> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            Archetype a = u < 0.5 ? Archetype.HONEST : u < 0.75 ? Archetype.FRIENDLY_FRAUD
                    : u < 0.87 ? Archetype.SERIAL_DISPUTER : Archetype.FRAUD_VICTIM;
            out.add(one(a));
        }
        return out;
    }

    LabelledDispute one(Archetype a) {
        String id = "mix-" + (++seq);
        long price = 10_000L * (1 + rnd.nextInt(500));
        long fee = rnd.nextBoolean() ? price / 10 : 0;
        long paid = price;
        Reason reason;
        List<Delivery> deliveries = new ArrayList<>();
        int sameDevice = rnd.nextInt(12), sameAddress = rnd.nextInt(8), twins = 0;
        long usual = rnd.nextDouble() < 0.6 ? price : 0;
        double score = rnd.nextDouble() * 0.25;
        String decision = "approved";
        List<String> reasons = List.of();
        List<EvidenceItem> evidence = new ArrayList<>();
        ClaimantHistory history = new ClaimantHistory(rnd.nextInt(3), rnd.nextInt(2), 0, 0, 0, 0);
        Long claimed = null;
        DisputeOutcome truth;
        switch (a) {
            case HONEST -> {
                reason = pick(Reason.NOT_DELIVERED, Reason.NOT_AS_DESCRIBED, Reason.DUPLICATE, Reason.AMOUNT_WRONG);
                truth = DisputeOutcome.WON;
                switch (reason) {
                    case NOT_DELIVERED -> { if (rnd.nextDouble() < 0.3) deliveries.add(delivery(id, rnd.nextDouble() * 0.3)); }
                    case NOT_AS_DESCRIBED -> deliveries.add(delivery(id, rnd.nextDouble() * 0.35));
                    case DUPLICATE -> { twins = 1; deliveries.add(delivery(id, 1.0)); }
                    default -> {
                        usual = price;
                        paid = price * (2 + rnd.nextInt(3));
                        claimed = paid - price;
                        truth = DisputeOutcome.PARTIAL;
                        deliveries.add(delivery(id, 1.0));
                    }
                }
                if (rnd.nextDouble() < 0.4) evidence.add(new EvidenceItem(Party.CLAIMANT, "statement", "what happened", null, 0));
            }
            case FRIENDLY_FRAUD, SERIAL_DISPUTER -> {
                reason = pick(Reason.NOT_DELIVERED, Reason.UNAUTHORIZED, Reason.NOT_AS_DESCRIBED, Reason.DUPLICATE);
                truth = DisputeOutcome.LOST;
                deliveries.add(delivery(id, 0.9 + rnd.nextDouble() * 0.1));
                if (rnd.nextDouble() < 0.1) deliveries.clear();
                sameDevice = 2 + rnd.nextInt(20);
                if (a == Archetype.SERIAL_DISPUTER) {
                    int lost = 2 + rnd.nextInt(6);
                    history = new ClaimantHistory(lost + 2, 1, lost, 0, Math.min(lost, 3), 1);
                }
                if (rnd.nextDouble() < 0.5) evidence.add(new EvidenceItem(Party.RESPONDENT, "usage_log", "streamed in full", null, 0));
            }
            default -> {
                reason = Reason.UNAUTHORIZED;
                truth = DisputeOutcome.WON;
                sameDevice = 0;
                sameAddress = rnd.nextDouble() < 0.3 ? 1 : 0;
                score = 0.2 + rnd.nextDouble() * 0.7;
                decision = score > 0.6 ? "challenged" : "approved";
                reasons = score > 0.5 ? List.of("new_device", "velocity") : List.of();
                if (rnd.nextDouble() < 0.6) deliveries.add(delivery(id, rnd.nextDouble()));
                if (rnd.nextDouble() < 0.5) evidence.add(new EvidenceItem(Party.CLAIMANT, "bank_fraud_report", "reported", null, 0));
            }
        }
        PaymentFacts p = new PaymentFacts("pay-" + id, "payer-" + id, "creator-" + rnd.nextInt(50), paid, "USD",
                "pay-" + id, fee > 0 ? "platform-fees" : null, fee, fee > 0 ? "pay-" + id + ".fee" : null, decision,
                score, reasons, "dev-" + id, "10.0.0." + rnd.nextInt(250), "key-op", 1_000_000_000L);
        long whole = paid + fee;
        long amount = claimed == null ? whole : claimed;
        long fair = truth == DisputeOutcome.LOST ? 0 : amount;
        Gathered g = new Gathered(p, sameDevice, sameAddress, List.of(), deliveries, null, twins, usual, history);
        NewDispute r = new NewDispute(id, p.paymentId(), null, p.payer(), reason, claimed, null, List.of());
        return new LabelledDispute(r, amount, g, evidence, truth, fair, a);
    }

    private Delivery delivery(String id, double progress) {
        return new Delivery("pay-" + id, "content-" + id, 1_000_000_000L, Math.min(1.0, progress), 1_000_000_000L);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }
}
