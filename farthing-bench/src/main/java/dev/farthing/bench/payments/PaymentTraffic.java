package dev.farthing.bench.payments;

import dev.farthing.bench.Population;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;

import java.util.SplittableRandom;

/**
 * Benchmark payments: a random wallet pays a random merchant up to one cent, with a 5% fee leg; each payer has
 * its own device and IP, so feature state spreads over many entities as in real traffic. Seeded, one per sender.
 */
final class PaymentTraffic {
    private final Population population;
    private final SplittableRandom random;
    private final String prefix;
    private long sequence;

    PaymentTraffic(Population population, long seed, String prefix) {
        this.population = population;
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    PaymentRequest next() {
        int payer = random.nextInt(population.wallets());
        long amount = 1 + random.nextLong(Population.MAX_PAYMENT);
        var context = new PaymentContext("dev-" + payer, "10." + (payer >> 16 & 255) + "." + (payer >> 8 & 255) + "." + (payer & 255),
                "GB", null, null, null, "content-" + random.nextInt(1_000), PaymentContext.UNKNOWN, null,
                PaymentContext.UNKNOWN, null);
        return new PaymentRequest(prefix + "-" + sequence++, population.wallet(payer),
                population.merchant(random.nextInt(population.merchants())), amount, population.currency(),
                new PaymentRequest.Fee(Population.PLATFORM_FEE, Population.feeFor(amount)), context);
    }
}
