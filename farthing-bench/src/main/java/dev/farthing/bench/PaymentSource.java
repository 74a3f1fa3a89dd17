package dev.farthing.bench;

import dev.farthing.ledger.model.NewTransfer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the payments of one client, deterministically from (seed, client). Not thread-safe: every client
 * thread owns one. Ids are unique per (run tag, client, sequence), so runs sharing a ledger never collide.
 */
public final class PaymentSource {
    private final Workload workload;
    private final Population population;
    private final SplittableRandom random;
    private final String idPrefix;
    private long sequence;

    public PaymentSource(Workload workload, Population population, long seed, String runTag, int client) {
        this.workload = workload;
        this.population = population;
        this.random = new SplittableRandom(seed * 1_000_003L + client);
        this.idPrefix = runTag + "c" + client + "-";
    }

    /** One transfer of a payment: plain data so each mode can encode it its own way. */
    public record Leg(String id, String debit, String credit, long amount) {
        public NewTransfer toNewTransfer(String currency) {
            return NewTransfer.simple(id, debit, credit, amount, currency);
        }
    }

    /** Appends the legs of the next payment (1 for uniform, 2 for hot) to {@code out}. */
    public void nextPayment(List<Leg> out) {
        String id = idPrefix + Long.toString(sequence++, 36);
        String wallet = population.wallet(random.nextInt(population.wallets()));
        long amount = 1 + random.nextLong(Population.MAX_PAYMENT);
        if (workload == Workload.UNIFORM) {
            out.add(new Leg(id, wallet, population.merchant(random.nextInt(population.merchants())), amount));
        } else {
            out.add(new Leg(id + "p", wallet, Population.CREATOR, amount));
            out.add(new Leg(id + "f", wallet, Population.PLATFORM_FEE, Population.feeFor(amount)));
        }
    }

    public List<Leg> nextPayments(int payments) {
        List<Leg> legs = new ArrayList<>(payments * workload.legs());
        for (int i = 0; i < payments; i++) {
            nextPayment(legs);
        }
        return legs;
    }

    public Workload workload() {
        return workload;
    }
}
