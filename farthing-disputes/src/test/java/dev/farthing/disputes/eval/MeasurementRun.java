package dev.farthing.disputes.eval;

import dev.farthing.contracts.audit.AuditSink;
import dev.farthing.disputes.TestClock;
import dev.farthing.disputes.model.Dispute;
import dev.farthing.disputes.model.DisputeOutcome;
import dev.farthing.disputes.model.DisputeState;
import dev.farthing.disputes.model.NewDispute;
import dev.farthing.disputes.model.NewEvidence;
import dev.farthing.disputes.model.Party;
import dev.farthing.disputes.resolve.LogisticModel;
import dev.farthing.disputes.service.DisputeOptions;
import dev.farthing.disputes.service.DisputeService;
import dev.farthing.disputes.service.Reviewer;
import dev.farthing.disputes.service.ReviewerDecision;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.api.SystemLedger;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Lives the {@link Platform} through the real dispute service on a real ledger: payments on the ledger, deliveries
 * recorded, disputes filed in time order, parties answering evidence requests truthfully, reviewers (who see what
 * really happened) deciding escalations, deadlines passing. Appeals are simulated honestly: every party an
 * automatic decision wronged appeals (the worst case for the overturn rate), and 5% of the others appeal anyway;
 * a reviewer other than the decider decides each appeal on the truth.
 */
final class MeasurementRun {
    record Result(int disputes, int automatic, int overturned, int victims, int victimsRefused, int wrongFinal,
                  Map<Platform.Kind, int[]> byKind, Map<String, Integer> escalations, long conservation) {
        double autoRate() { return automatic / (double) disputes; }
        double overturnRate() { return automatic == 0 ? 0 : overturned / (double) automatic; }
    }

    static Result run(Path dir, long seed, int users) throws Exception {
        long start = 1_780_000_000_000_000_000L; // 2026-05-28
        TestClock clock = new TestClock(start);
        Platform world = new Platform(seed, users, start);
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(false), clock)) {
            setUpMoney(ledger, world);
            SystemLedger handle = ledger.system("disputes");
            DisputeOptions options = DisputeOptions.defaults().withFsync(false).withTickMillis(0);
            try (DisputeService s = DisputeService.open(dir.resolve("disputes"), handle, world, LogisticModel.shipped(),
                    AuditSink.NONE, (p, f) -> { }, options)) {
                for (Platform.Payment p : world.payments) {
                    if (p.progress() != null) {
                        s.recordDelivery(p.facts().paymentId(), "content", p.facts().paidAt() + 1, p.progress());
                    }
                }
                Map<String, Platform.Claim> truth = new HashMap<>();
                Set<String> autoDecided = new HashSet<>(), overturned = new HashSet<>(), checked = new HashSet<>();
                Map<String, Integer> escalations = new TreeMap<>();
                java.util.Random r = new java.util.Random(seed + 1);
                for (Platform.Claim c : world.claims) {
                    clock.set(c.at());
                    dayWork(s, truth, autoDecided, overturned, checked, escalations, r);
                    truth.put(c.id(), c);
                    List<NewEvidence> ev = new ArrayList<>();
                    if (c.kind() == Platform.Kind.FRAUD_VICTIM && r.nextDouble() < 0.4) ev.add(new NewEvidence(Party.CLAIMANT, "bank_fraud_report", "reported to my bank", null));
                    Dispute d = s.create(new NewDispute(c.id(), c.payment().facts().paymentId(), null, c.payment().facts().payer(),
                            c.reason(), c.amount(), null, ev)).dispute();
                    if (d.state() == DisputeState.EVIDENCE) answerEvidence(s, c, r);
                    dayWork(s, truth, autoDecided, overturned, checked, escalations, r);
                }
                for (int day = 0; day < 60; day++) {
                    clock.advanceDays(1);
                    dayWork(s, truth, autoDecided, overturned, checked, escalations, r);
                }
                return tally(s, ledger, world, truth, autoDecided, overturned, escalations);
            }
        }
    }

    private static void setUpMoney(Ledger ledger, Platform world) throws Exception {
        Set<String> accounts = new HashSet<>();
        List<NewTransfer> transfers = new ArrayList<>();
        ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of())).get();
        ledger.createAccount(new NewAccount("platform", "USD", AccountKind.FEE, false, 0, Map.of())).get();
        for (Platform.Payment p : world.payments) {
            var f = p.facts();
            if (accounts.add(f.payer())) {
                ledger.createAccount(new NewAccount(f.payer(), "USD", AccountKind.WALLET, null, 0, Map.of())).get();
                transfers.add(NewTransfer.simple("fund-" + f.payer(), "bank", f.payer(), 1_000_000_000L, "USD"));
            }
            if (accounts.add(f.payee())) {
                ledger.createAccount(new NewAccount(f.payee(), "USD", AccountKind.MERCHANT, null, 0, Map.of())).get();
            }
        }
        for (Platform.Payment p : world.payments) {
            var f = p.facts();
            transfers.add(new NewTransfer(f.transferId(), f.payer(), f.payee(), f.amount(), "USD", "payment", null, Map.of(), 0));
            if (f.feeAmount() > 0) transfers.add(new NewTransfer(f.feeTransferId(), f.payer(), "platform", f.feeAmount(), "USD", "payment_fee", f.transferId(), Map.of(), 0));
        }
        for (int i = 0; i < transfers.size(); i += 4096) {
            var done = ledger.createTransfers(transfers.subList(i, Math.min(transfers.size(), i + 4096)), false).get();
            for (var o : done) if (!o.isOk()) throw new AssertionError("set-up transfer refused: " + o.detail());
        }
    }

    /** The parties answer an evidence request with what they truly have. */
    private static void answerEvidence(DisputeService s, Platform.Claim c, java.util.Random r) {
        List<NewEvidence> ev = new ArrayList<>();
        Double progress = c.payment().progress();
        if (progress != null && progress >= 0.8 && r.nextDouble() < 0.8) ev.add(new NewEvidence(Party.RESPONDENT, "usage_log", "streamed " + Math.round(progress * 100) + "%", null));
        if (c.truth().refunds() && r.nextDouble() < 0.7) ev.add(new NewEvidence(Party.CLAIMANT, "statement", "what happened", null));
        if (!ev.isEmpty()) s.addEvidence(c.id(), ev, "platform");
    }

    /** Reviewers work the queue on the truth; deadlines are applied; automatic decisions meet their appeals. */
    private static void dayWork(DisputeService s, Map<String, Platform.Claim> truth, Set<String> autoDecided,
                                Set<String> overturned, Set<String> checked, Map<String, Integer> escalations, java.util.Random r) {
        s.tick();
        for (Dispute d : s.list(x -> x.state() == DisputeState.ESCALATED, null, 100_000)) {
            Platform.Claim c = truth.get(d.id());
            if (!checked.contains("esc:" + d.id())) {
                checked.add("esc:" + d.id());
                for (String why : d.resolution() == null ? List.of("deadline") : d.resolution().escalateBecause()) {
                    escalations.merge(why.replaceAll("[:(].*", "").trim(), 1, Integer::sum);
                }
            }
            s.decide(d.id(), truthful(c, d), new Reviewer("rev-" + (1 + r.nextInt(3)), "reviewer"));
        }
        for (Dispute d : s.list(x -> x.state() == DisputeState.DECIDED, null, 100_000)) {
            if (!checked.add("dec:" + d.id())) continue;
            Platform.Claim c = truth.get(d.id());
            if (!d.automatic()) continue;
            autoDecided.add(d.id());
            boolean wronged = wrong(d.outcome(), d.refund(), c);
            if (wronged || r.nextDouble() < 0.05) {
                Party by = d.outcome().refunds() ? Party.RESPONDENT : Party.CLAIMANT;
                s.appeal(d.id(), by, "appeal", List.of(), "platform");
                Dispute after = s.decide(d.id(), truthful(c, d), new Reviewer("rev-appeals", "reviewer"));
                if (after.overturned()) overturned.add(d.id());
            }
        }
    }

    static ReviewerDecision truthful(Platform.Claim c, Dispute d) {
        if (c.truth() == DisputeOutcome.PARTIAL && c.fairRefund() < d.amount()) {
            return new ReviewerDecision(DisputeOutcome.PARTIAL, c.fairRefund(), false, "as it happened");
        }
        DisputeOutcome o = c.truth() == DisputeOutcome.PARTIAL ? DisputeOutcome.WON : c.truth();
        return new ReviewerDecision(o, null, false, "as it happened");
    }

    /** Wrong: refunded when it should not have been or the reverse, or a refund more than 10% off the fair one. */
    static boolean wrong(DisputeOutcome o, long refund, Platform.Claim c) {
        if (o.refunds() != c.truth().refunds()) return true;
        return o.refunds() && Math.abs(refund - c.fairRefund()) * 10 > c.fairRefund();
    }

    private static Result tally(DisputeService s, Ledger ledger, Platform world, Map<String, Platform.Claim> truth,
                                Set<String> autoDecided, Set<String> overturned, Map<String, Integer> escalations) throws Exception {
        int victims = 0, victimsRefused = 0, wrongFinal = 0;
        Map<Platform.Kind, int[]> byKind = new EnumMap<>(Platform.Kind.class);
        for (Platform.Claim c : world.claims) {
            Dispute d = s.get(c.id()).orElseThrow();
            int[] k = byKind.computeIfAbsent(c.kind(), x -> new int[3]);
            k[0]++;
            if (autoDecided.contains(c.id())) k[1]++;
            if (overturned.contains(c.id())) k[2]++;
            if (c.kind() == Platform.Kind.FRAUD_VICTIM) {
                victims++;
                if (d.outcome() == DisputeOutcome.LOST) victimsRefused++;
            }
            if (d.outcome() == null || wrong(d.outcome(), d.refund(), c)) wrongFinal++;
        }
        long sum = 0;
        String after = null;
        while (true) {
            var page = ledger.listAccounts(after, 1000).get().value();
            for (var a : page.items()) sum = Math.addExact(sum, a.balance());
            if (page.nextCursor() == null) break;
            after = page.nextCursor();
        }
        return new Result(world.claims.size(), autoDecided.size(), overturned.size(), victims, victimsRefused, wrongFinal,
                byKind, escalations, sum);
    }
}
