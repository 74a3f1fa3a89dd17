package dev.farthing.customers.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.function.LongSupplier;

/**
 * Differentially private analytics over the payment facts in {@code DATA/analytics}: {@link #record} keeps each
 * payment that moved money (pseudonymous fields only), {@link #query} debits the analyst's budget durably, then
 * answers with noise. Knows no HTTP.
 */
public final class AnalyticsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);
    private final FactLog facts;
    private final PrivacyBudget budget;
    private final AnalyticsConfig config;
    private final Map<String, Integer> scales;
    private final RandomGenerator random;
    private final LongSupplier now;

    /** A query the service will not run (bad epsilon or currency); {@code field} names the input at fault. */
    public static final class Refused extends RuntimeException {
        private final String field;

        Refused(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    AnalyticsService(FactLog facts, PrivacyBudget budget, AnalyticsConfig config, Map<String, Integer> scales,
                     RandomGenerator random, LongSupplier now) {
        this.facts = facts;
        this.budget = budget;
        this.config = config;
        this.scales = Map.copyOf(scales);
        this.random = random;
        this.now = now;
    }

    /**
     * Opens {@code dir} ({@code facts/} and {@code budget/}, two record logs). {@code scales}: the ledger's currencies
     * and their decimals; {@code now}: ledger time (ns), stamped on budget debits.
     */
    public static AnalyticsService open(Path dir, AnalyticsConfig config, Map<String, Integer> scales, LongSupplier now,
                                        boolean fsync) {
        FactLog facts = FactLog.open(dir.resolve("facts"), fsync);
        try {
            PrivacyBudget budget = PrivacyBudget.open(dir.resolve("budget"), config.budgetMicros(), fsync);
            return new AnalyticsService(facts, budget, config, scales, new SecureRandom(), now);
        } catch (RuntimeException | Error e) {
            facts.close();
            throw e;
        }
    }

    /** Keeps one payment for analytics; lenient: a failure is logged, never the payment's problem. */
    public void record(PaymentFact fact) {
        try {
            facts.append(fact).exceptionally(e -> {
                LOG.warn("payment fact not kept for analytics: {}", e.toString());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("payment fact not kept for analytics: {}", e.toString());
        }
    }

    /**
     * Checks the query, debits {@code analyst}'s budget (durably; {@link PrivacyBudget.Exhausted} when it would go
     * below zero, nothing spent), then answers. The budget stays spent if answering fails afterwards.
     */
    public PrivateAnswer query(String analyst, AnalyticsQuery q) {
        if (q.epsilonMicros() < config.minEpsilonMicros() || q.epsilonMicros() > config.maxEpsilonMicros()) {
            throw new Refused("epsilon", "epsilon must be in " + Epsilon.format(config.minEpsilonMicros()) + ".."
                    + Epsilon.format(config.maxEpsilonMicros()) + ", not " + Epsilon.format(q.epsilonMicros()));
        }
        AnalyticsQuery query = withCurrency(q);
        long clip = query.currency() == null ? 1 : config.clipMinor(scales.get(query.currency()));
        long remaining = budget.debit(analyst, query.epsilonMicros(), query.describe(), now.getAsLong());
        PrivateAnswer answer = new PrivateQuery(query, config, clip, random).run(facts::scan);
        return answer.withRemaining(remaining);
    }

    /** The money metrics need one currency: the ledger's only one, or the one the query names. */
    private AnalyticsQuery withCurrency(AnalyticsQuery q) {
        if (q.currency() != null) {
            if (!scales.containsKey(q.currency())) {
                throw new Refused("currency", "unknown currency " + q.currency() + " (the ledger has "
                        + String.join(", ", new java.util.TreeSet<>(scales.keySet())) + ")");
            }
            return q;
        }
        if (!q.metric().isMoney()) {
            return q;
        }
        if (scales.size() != 1) {
            throw new Refused("currency", "is required for " + q.metric().wire() + ": amounts of different currencies"
                    + " are never added up");
        }
        return new AnalyticsQuery(q.metric(), q.groupBy(), q.epsilonMicros(), scales.keySet().iterator().next(),
                q.quantilePermille());
    }

    public long remainingMicros(String analyst) {
        return budget.remainingMicros(analyst);
    }

    public AnalyticsConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            budget.close();
        } finally {
            facts.close();
        }
    }
}
