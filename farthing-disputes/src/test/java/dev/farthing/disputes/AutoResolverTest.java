package dev.farthing.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.farthing.disputes.calendar.Jurisdiction;
import dev.farthing.disputes.calendar.Jurisdictions;
import dev.farthing.disputes.evidence.ClaimantHistory;
import dev.farthing.disputes.evidence.Delivery;
import dev.farthing.disputes.evidence.Gathered;
import dev.farthing.disputes.evidence.PaymentFacts;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Resolution;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.resolve.AutoResolver;
import dev.farthing.disputes.resolve.Case;
import dev.farthing.disputes.resolve.Features;
import dev.farthing.disputes.resolve.LogisticModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the resolution decides alone, and when and where it escalates; reputation only ever protects. */
class AutoResolverTest {
    final AutoResolver resolver = new AutoResolver(LogisticModel.shipped());
    final Jurisdiction usd = Jurisdictions.defaults().of("USD");

    static Case notDelivered(long amount, ClaimantHistory h, Double progress) {
        PaymentFacts p = new PaymentFacts("p", "alice", "bob", amount, "USD", "p", null, 0, null, "approved", 0.05,
                List.of(), "d-1", "10.0.0.1", "op", 1, "c");
        List<Delivery> deliveries = progress == null ? List.of() : List.of(new Delivery("p", "c", 1, progress, 1));
        Gathered g = new Gathered(p, 5, 5, List.of(), deliveries, null, 0, 0, h);
        return new Case(new NewDispute("d", "p", null, "alice", Reason.NOT_DELIVERED, null, null, List.of()), amount, g, List.of());
    }

    @Test
    void decidesAloneOnlyWhenAllThreeAgreeUnderTheLimit() {
        Resolution won = resolver.resolve(notDelivered(1_000_000, ClaimantHistory.NEW, null), usd, false);
        assertThat(won.automatic()).isTrue();
        assertThat(won.outcome()).isEqualTo(DisputeOutcome.WON);
        assertThat(won.votes()).hasSize(AutoResolver.MIN_RESOLVERS).extracting(v -> v.resolver()).containsExactly("rules", "model", "checklist");
        Resolution lost = resolver.resolve(notDelivered(1_000_000, ClaimantHistory.NEW, 1.0), usd, false);
        assertThat(lost.automatic()).isTrue();
        assertThat(lost.outcome()).isEqualTo(DisputeOutcome.LOST);

        Resolution big = resolver.resolve(notDelivered(Jurisdictions.DEFAULT_AUTO_LIMIT + 1, ClaimantHistory.NEW, null), usd, false);
        assertThat(big.automatic()).isFalse();
        assertThat(big.tier()).isEqualTo(Tier.L2);
        Resolution huge = resolver.resolve(notDelivered(Jurisdictions.DEFAULT_AUTO_LIMIT * 21, ClaimantHistory.NEW, null), usd, false);
        assertThat(huge.tier()).isEqualTo(Tier.L3);

        Resolution weak = resolver.resolve(notDelivered(1_000_000, ClaimantHistory.NEW, 0.6), usd, false);
        assertThat(weak.automatic()).isFalse();
        assertThat(weak.needsEvidence()).isTrue();
        assertThat(resolver.resolve(notDelivered(1_000_000, ClaimantHistory.NEW, 0.6), usd, true).needsEvidence())
                .as("evidence is asked for once").isFalse();
    }

    @Test
    void reputationStopsARefundToARepeatOffenderButNeverRefusesSomeoneNew() {
        ClaimantHistory offender = new ClaimantHistory(6, 1, 5, 0, 3, 0);
        Resolution r = resolver.resolve(notDelivered(1_000_000, offender, null), usd, false);
        assertThat(r.automatic()).isFalse();
        assertThat(r.tier()).isEqualTo(Tier.L2);
        assertThat(r.escalateBecause()).anyMatch(s -> s.startsWith("repeat claimant"));
        // a refusal of the offender on strong evidence is still automatic: a person is only needed to give money
        assertThat(resolver.resolve(notDelivered(1_000_000, offender, 1.0), usd, false).automatic()).isTrue();
        // new, or a confirmed fraud victim: the history features are zero, so the model's view is the same
        ClaimantHistory victim = new ClaimantHistory(1, 1, 0, 1, 0, 0);
        Case fresh = notDelivered(1_000_000, ClaimantHistory.NEW, 0.1);
        Case wasVictim = notDelivered(1_000_000, victim, 0.1);
        assertThat(Features.of(fresh.request(), fresh.amount(), fresh.gathered(), fresh.evidence()))
                .containsExactly(Features.of(wasVictim.request(), wasVictim.amount(), wasVictim.gathered(), wasVictim.evidence()));
        assertThat(resolver.resolve(wasVictim, usd, false).outcome()).isEqualTo(DisputeOutcome.WON);
        assertThat(ClaimantHistory.NEW.repeatOffender()).isFalse();
        assertThat(victim.repeatOffender()).isFalse();
    }

    @Test
    void theModelExplainsItselfAndRoundTrips() {
        LogisticModel m = LogisticModel.shipped();
        assertThat(LogisticModel.parse(m.toText())).usingRecursiveComparison().isEqualTo(m);
        Case c = notDelivered(1_000_000, ClaimantHistory.NEW, 1.0);
        double[] x = Features.of(c.request(), c.amount(), c.gathered(), c.evidence());
        assertThat(m.explain(x, 3)).hasSizeBetween(1, 3).allMatch(s -> s.matches("[a-z_0-9]+ [+-]?\\d+\\.\\d\\d"));
    }
}
