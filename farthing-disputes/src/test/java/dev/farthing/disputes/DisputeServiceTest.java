package dev.farthing.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.farthing.disputes.evidence.ChannelFacts;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeError;
import dev.farthing.disputes.model.DisputeException;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.NewEvidence;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.model.Reason;
import dev.farthing.disputes.model.Tier;
import dev.farthing.disputes.service.Reviewer;
import dev.farthing.disputes.service.ReviewerDecision;
import dev.farthing.ledger.model.NewTransfer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real ledger: money flows and conservation, deadlines and their outcomes, four eyes, restart. */
class DisputeServiceTest {
    static final Reviewer R1 = new Reviewer("rev-1", "reviewer");
    static final Reviewer R2 = new Reviewer("rev-2", "reviewer");
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void start() throws Exception {
        f = new Fixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static NewDispute claim(String id, String payment, Reason reason, Long amount) {
        return new NewDispute(id, payment, null, "alice", reason, amount, null, List.of());
    }

    @Test
    void automaticRefundClawsBackTheCreatorsShareAndChargesTheFeeInOneBatch() throws Exception {
        f.pay("p1", 1_000_000, "d-1", "10.0.0.1", 0.1);
        long aliceBefore = f.balance("alice");
        Dispute d = f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null)).dispute();
        assertThat(d.state()).isEqualTo(DisputeState.DECIDED);
        assertThat(d.automatic()).isTrue();
        assertThat(d.outcome()).isEqualTo(DisputeOutcome.WON);
        assertThat(d.refund()).isEqualTo(1_100_000);
        assertThat(d.resolution().votes()).hasSize(3).allMatch(v -> v.outcome() == DisputeOutcome.WON);
        assertThat(d.money().status()).isEqualTo("refunded");
        assertThat(f.balance("alice") - aliceBefore).isEqualTo(1_100_000);
        assertThat(f.balance("bob")).isEqualTo(1_000_000 - 1_000_000 - 150_000);
        assertThat(f.balance("platform")).isZero();
        assertThat(f.balance("sys.disputes.fees.usd")).isEqualTo(150_000);
        assertThat(f.total()).isZero();
        var refund = f.ledger.lookupTransfer(d.money().transfers().getFirst()).get().value();
        assertThat(refund.reference()).as("the refund references the payment").isEqualTo("p1");
        assertThat(f.audit).extracting(e -> e.action()).contains("dispute.opened", "dispute.decided", "dispute.money");
        assertThat(f.audit).allMatch(e -> e.subject().equals("dispute:d1"));
        assertThat(f.labels).containsExactly("p1=legit");
        // the same claim again is a repeat, another body a conflict, another id on the same payment refused
        assertThat(f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null)).replayed()).isTrue();
        assertThatThrownBy(() -> f.service.create(claim("d1", "p1", Reason.DUPLICATE, null)))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.ID_CONFLICT);
        assertThatThrownBy(() -> f.service.create(claim("d2", "p1", Reason.DUPLICATE, null)))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.ALREADY_DISPUTED);
        assertThatThrownBy(() -> f.service.create(claim("d3", "nope", Reason.DUPLICATE, null)))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.PAYMENT_NOT_FOUND);
    }

    @Test
    void anAppealThatOverturnsAReversesTheMoneyExactly() throws Exception {
        f.pay("p1", 1_000_000, "d-1", "10.0.0.1", 0.1);
        long before = f.balance("alice");
        Dispute d = f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null)).dispute();
        assertThat(d.outcome()).isEqualTo(DisputeOutcome.WON);
        Dispute appealed = f.service.appeal("d1", Party.RESPONDENT, "it was streamed in full",
                List.of(new NewEvidence(Party.RESPONDENT, "usage_log", "CDN log", "s3://logs/p1")), "op-2");
        assertThat(appealed.state()).isEqualTo(DisputeState.APPEALED);
        Dispute fin = f.service.decide("d1", new ReviewerDecision(DisputeOutcome.PARTIAL, 400_000L, false, "half streamed"), R1);
        assertThat(fin.state()).isEqualTo(DisputeState.FINAL);
        assertThat(fin.overturned()).isTrue();
        assertThat(fin.money().refunded()).isEqualTo(400_000);
        assertThat(f.balance("alice") - before).isEqualTo(400_000);
        assertThat(f.balance("platform")).as("the platform's share comes back pro rata").isEqualTo(100_000 - 36_363);
        assertThat(f.total()).isZero();
        assertThat(f.labels).containsExactly("p1=legit", "p1=legit");
    }

    @Test
    void deadlinesMoveWeakCasesUpTheTiersAndEndForTheClaimant() throws Exception {
        f.pay("p1", 1_000_000, "d-1", "10.0.0.1", 0.1);
        f.service.recordDelivery("p1", "video", f.clock.nanos(), 0.6);
        assertThat(f.service.recordDelivery("p1", "video", f.clock.nanos(), 0.6).replayed()).isTrue();
        Dispute d = f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null)).dispute();
        assertThat(d.state()).as("60% watched: weak evidence").isEqualTo(DisputeState.EVIDENCE);
        assertThat(f.service.hoursLeft(d)).isGreaterThan(24 * 10);
        assertThat(f.service.tick()).as("nothing due yet").isZero();
        f.clock.advanceDays(15);
        assertThat(f.service.tick()).isEqualTo(1);
        d = f.service.get("d1").orElseThrow();
        assertThat(d.state()).isEqualTo(DisputeState.ESCALATED);
        assertThat(d.tier()).isEqualTo(Tier.L1);
        assertThat(d.money().status()).as("Reg E: provisional credit while a person looks").isEqualTo("provisional");
        assertThat(f.total()).isZero();
        assertThatThrownBy(() -> f.service.arbitrationExport("d1")).isInstanceOf(DisputeException.class);
        f.clock.advanceDays(4);
        f.service.tick();
        assertThat(f.service.get("d1").orElseThrow().tier()).isEqualTo(Tier.L2);
        f.clock.advanceDays(12); // 5 business days, Christmas among them
        f.service.tick();
        assertThat(f.service.get("d1").orElseThrow().tier()).isEqualTo(Tier.L3);
        assertThat(new String(f.service.arbitrationExport("d1"))).contains("farthing-dispute-arbitration/1", "\"id\":\"d1\"");
        f.clock.advanceDays(40); // 20 business days
        f.service.tick();
        d = f.service.get("d1").orElseThrow();
        assertThat(d.state()).isEqualTo(DisputeState.DECIDED);
        assertThat(d.outcome()).as("arbitration deadline passed: for the claimant").isEqualTo(DisputeOutcome.WON);
        assertThat(d.automatic()).isFalse();
        assertThat(d.money().status()).isEqualTo("refunded");
        assertThat(f.balance("sys.disputes.provisional.usd")).as("the provisional hold was voided").isZero();
        assertThat(f.total()).isZero();
        f.clock.advanceDays(20);
        f.service.tick();
        assertThat(f.service.get("d1").orElseThrow().state()).isEqualTo(DisputeState.FINAL);
        assertThat(f.service.get("d1").orElseThrow().money().status()).as("settling again is a no-op").isEqualTo("refunded");
        assertThat(f.service.hoursLeft(f.service.get("d1").orElseThrow())).isZero();
        assertThat(d.history()).extracting(t -> t.to()).containsSubsequence(DisputeState.OPEN, DisputeState.EVIDENCE,
                DisputeState.ESCALATED, DisputeState.DECIDED);
    }

    @Test
    void fourEyes() throws Exception {
        f.pay("p1", 1_000_000, "d-1", "10.0.0.1", 0.1);
        f.service.recordDelivery("p1", "video", f.clock.nanos(), 0.6);
        f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null));
        assertThatThrownBy(() -> f.service.decide("d1", new ReviewerDecision(DisputeOutcome.WON, null, false, null), new Reviewer("op-1", "reviewer")))
                .as("the key that submitted the payment").extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.CONFLICT_OF_INTEREST);
        assertThatThrownBy(() -> f.service.decide("d1", new ReviewerDecision(DisputeOutcome.WON, null, false, null), new Reviewer("alice", "reviewer")))
                .as("the claimant").extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.CONFLICT_OF_INTEREST);
        Dispute lost = f.service.decide("d1", new ReviewerDecision(DisputeOutcome.LOST, null, false, "watched"), R1);
        assertThat(lost.state()).isEqualTo(DisputeState.DECIDED);
        assertThat(f.audit.getLast().actor()).isEqualTo("rev-1");
        assertThat(f.audit.getLast().role()).isEqualTo("reviewer");
        f.service.appeal("d1", Party.CLAIMANT, "it froze", List.of(), "op-2");
        assertThatThrownBy(() -> f.service.decide("d1", new ReviewerDecision(DisputeOutcome.WON, null, false, null), R1))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.SAME_REVIEWER);
        Dispute upheld = f.service.decide("d1", new ReviewerDecision(DisputeOutcome.LOST, null, false, "logs agree"), R2);
        assertThat(upheld.state()).isEqualTo(DisputeState.FINAL);
        assertThat(upheld.overturned()).isFalse();
        assertThatThrownBy(() -> f.service.decide("d1", new ReviewerDecision(DisputeOutcome.WON, null, false, null), R1))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.WRONG_STATE);
    }

    @Test
    void aFraudVictimIsNeverRefusedAutomaticallyAndAVictimsHistoryIsNotHeldAgainstThem() throws Exception {
        for (int i = 0; i < 3; i++) f.pay("old" + i, 100_000, "d-1", "10.0.0.1", 0.05);
        f.pay("stolen", 2_000_000, "d-attacker", "192.0.2.9", 0.8);
        Dispute d = f.service.create(claim("d1", "stolen", Reason.UNAUTHORIZED, null)).dispute();
        assertThat(d.classification()).hasToString("FRAUD");
        assertThat(d.outcome()).isNotEqualTo(DisputeOutcome.LOST);
        if (d.state() == DisputeState.ESCALATED) {
            d = f.service.decide("d1", new ReviewerDecision(DisputeOutcome.WON, null, false, "takeover"), R1);
        }
        assertThat(d.outcome()).isEqualTo(DisputeOutcome.WON);
        assertThat(f.labels).contains("stolen=fraud");
        f.pay("later", 100_000, "d-1", "10.0.0.1", 0.05);
        Dispute next = f.service.create(claim("d2", "later", Reason.NOT_DELIVERED, null)).dispute();
        assertThat(next.gathered().history().confirmedFraudVictim()).isEqualTo(1);
        assertThat(next.gathered().history().lost()).isZero();
        assertThat(next.gathered().history().repeatOffender()).isFalse();
    }

    @Test
    void aChannelDisputeRefundsBetweenTheChannelsParties() throws Exception {
        String id = "ab".repeat(32);
        f.ledger.createTransfer(NewTransfer.simple("ch-paid", "alice", "bob", 300_000, "USD")).get().orThrow();
        f.channels.put(id, new ChannelFacts(id, "alice", "bob", "USD", "closed", 9, 300_000, 500_000, true));
        assertThatThrownBy(() -> f.service.create(new NewDispute("c1", null, id, "alice", Reason.AMOUNT_WRONG, 400_000L, null, List.of())))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.AMOUNT_EXCEEDS_PAYMENT);
        Dispute d = f.service.create(new NewDispute("c1", null, id, "alice", Reason.AMOUNT_WRONG, 100_000L, null, List.of())).dispute();
        assertThat(d.respondent()).isEqualTo("bob");
        assertThat(d.state()).as("no price history for a channel: a person looks").isIn(DisputeState.ESCALATED, DisputeState.EVIDENCE);
        if (d.state() == DisputeState.EVIDENCE) {
            f.clock.advanceDays(15);
            f.service.tick();
        }
        long alice = f.balance("alice");
        Dispute p = f.service.decide("c1", new ReviewerDecision(DisputeOutcome.PARTIAL, 60_000L, false, "overcharged"), R1);
        assertThat(p.money().status()).as(p.money().toString()).isEqualTo("refunded");
        assertThat(f.balance("alice") - alice).isEqualTo(60_000);
        assertThat(f.total()).isZero();
        assertThatThrownBy(() -> f.service.create(new NewDispute("c2", null, "cd".repeat(32), "alice", Reason.DUPLICATE, null, null, List.of())))
                .extracting(e -> ((DisputeException) e).error()).isEqualTo(DisputeError.CHANNEL_NOT_FOUND);
    }

    @Test
    void restartReplaysTheLog() throws Exception {
        f.pay("p1", 1_000_000, "d-1", "10.0.0.1", 0.1);
        long deliveredAt = f.clock.nanos();
        f.service.recordDelivery("p1", "video", deliveredAt, 0.6);
        f.service.create(claim("d1", "p1", Reason.NOT_DELIVERED, null));
        f.pay("p2", 500_000, "d-1", "10.0.0.1", 0.1);
        f.service.create(claim("d2", "p2", Reason.NOT_DELIVERED, null));
        Dispute d1 = f.service.get("d1").orElseThrow();
        Dispute d2 = f.service.get("d2").orElseThrow();
        long alice = f.balance("alice");
        f.restart();
        assertThat(f.service.get("d1")).contains(d1);
        assertThat(f.service.get("d2")).contains(d2);
        assertThat(f.balance("alice")).as("no money moved twice").isEqualTo(alice);
        assertThat(f.service.recordDelivery("p1", "video", deliveredAt, 0.6).replayed()).as("deliveries replayed too").isTrue();
        assertThat(f.service.list(x -> true, null, 10)).hasSize(2);
    }
}
