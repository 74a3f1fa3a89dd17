package dev.farthing.simulator.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.disputes.resolve.Features;
import dev.farthing.disputes.resolve.LogisticModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tuning mix: seeded, every archetype present, and the trainer learns something from it. */
class DisputeMixTest {
    @Test
    void seededMixWithEveryArchetypeAndALearnableLabel() {
        long seed = Long.getLong("farthing.seed", 99L);
        System.out.println("DisputeMixTest seed " + seed);
        List<LabelledDispute> a = new DisputeMix(seed).draw(2000);
        List<LabelledDispute> b = new DisputeMix(seed).draw(2000);
        assertThat(a).hasSize(2000);
        assertThat(a.getLast()).isEqualTo(b.getLast());
        Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
        a.forEach(d -> counts.merge(d.archetype(), 1, Integer::sum));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Archetype.values());
        assertThat(a).filteredOn(d -> d.archetype() == Archetype.FRAUD_VICTIM).allMatch(LabelledDispute::claimantRight);

        LogisticModel m = DisputeModelTrainer.train(seed, 2000);
        int right = 0;
        for (LabelledDispute d : new DisputeMix(seed + 1).draw(1000)) {
            if ((m.predict(Features.of(d.request(), d.amount(), d.gathered(), d.evidence())) >= 0.5) == d.claimantRight()) right++;
        }
        assertThat(right).as("held-out accuracy on a fresh draw").isGreaterThan(900);
    }
}
