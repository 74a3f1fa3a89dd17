package dev.farthing.disputes.resolve;

import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.Vote;

/**
 * The trained model's view: confident enough either way it votes (the claimant wins at p &gt;= {@code high}, loses
 * at p &lt;= {@code low}), between them it abstains. The vote says the probability and the top contributions.
 */
public final class ModelResolver implements Resolver {
    private final LogisticModel model;
    private final double low;
    private final double high;

    public ModelResolver(LogisticModel model, double low, double high) {
        if (!(0 < low && low < high && high < 1)) {
            throw new IllegalArgumentException("model thresholds need 0 < low < high < 1");
        }
        this.model = model;
        this.low = low;
        this.high = high;
    }

    public ModelResolver(LogisticModel model) {
        this(model, 0.25, 0.75);
    }

    @Override
    public String name() {
        return "model";
    }

    public double probability(Case c) {
        return model.predict(Features.of(c.request(), c.amount(), c.gathered(), c.evidence()));
    }

    @Override
    public Vote vote(Case c) {
        double[] x = Features.of(c.request(), c.amount(), c.gathered(), c.evidence());
        double p = model.predict(x);
        String why = String.format(java.util.Locale.ROOT, "p(claimant right)=%.2f (model %s): %s", p, model.version(),
                String.join(", ", model.explain(x, 3)));
        if (p >= high) {
            return new Vote(name(), c.partialClaim() ? DisputeOutcome.PARTIAL : DisputeOutcome.WON, c.amount(), why);
        }
        if (p <= low) {
            return new Vote(name(), DisputeOutcome.LOST, 0, why);
        }
        return new Vote(name(), null, 0, why);
    }
}
