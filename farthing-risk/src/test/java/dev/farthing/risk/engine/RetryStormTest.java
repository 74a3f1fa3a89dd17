package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded storm of concurrent retries (same body and changed bodies), challenges and reviews over a pool of
 * payment ids, with restarts, while the in-memory book holds only 4 payments: every id is decided once, every
 * retry answers the first decision, every changed body conflicts, and the money that moved is exactly what the
 * final answers say. Seed: printed; {@code -Dfarthing.seed=N} reproduces it.
 */
class RetryStormTest {
    @TempDir
    Path dir;

    private record Sent(String id, boolean original, CompletableFuture<PaymentResult> answer) {
    }

    @Test
    void retriesOfForgottenPaymentsAnswerTheFirstDecisionAndNeverMoveMoneyAgain() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("RetryStormTest seed=" + seed + " (replay with -Dfarthing.seed=" + seed + ")");
        Random rnd = new Random(seed);
        String[] kinds = {"approve-", "approve-", "approve-", "decline-", "challenge-", "review-"};
        Map<String, PaymentRequest> bodies = new HashMap<>();
        Map<String, PaymentResult> first = new HashMap<>();
        List<String> known = new ArrayList<>();
        int conflicts = 0;
        int replays = 0;
        try (RiskFixture f = new RiskFixture(dir)) {
            for (int round = 0; round < 3; round++) {
                ScriptedAssessor assessor = new ScriptedAssessor();
                try (RiskEngine engine = RiskEngine.open(f.ledger, dir.resolve("risk"), assessor,
                        RiskEngineConfig.defaults().withFsync(false).withMaxPayments(4))) {
                    assertThat(assessor.attemptsByPayer.getOrDefault("alice", 0)).as("seed=%d: replay decided each id once", seed)
                            .isEqualTo(first.size());
                    for (int burst = 0; burst < 25; burst++) {
                        List<Sent> sent = new ArrayList<>();
                        for (int i = 0; i < 16; i++) {
                            int pick = rnd.nextInt(10);
                            if (pick < 3 || known.isEmpty()) {
                                String id = kinds[rnd.nextInt(kinds.length)] + round + "-" + burst + "-" + i;
                                PaymentRequest p = payment(id, 1 + rnd.nextInt(50), rnd.nextInt(4));
                                bodies.put(id, p);
                                sent.add(new Sent(id, true, engine.submit(p)));
                            } else {
                                String id = known.get(rnd.nextInt(known.size()));
                                PaymentRequest p = bodies.get(id);
                                boolean changed = pick == 9;
                                if (changed) {
                                    p = payment(id, p.amount() + 1, p.fee() == null ? 0 : p.fee().amount());
                                }
                                sent.add(new Sent(id, !changed, engine.submit(p)));
                            }
                        }
                        for (Sent s : sent) {
                            String ctx = "seed=" + seed + " id=" + s.id();
                            PaymentResult r;
                            try {
                                r = s.answer().join();
                            } catch (CompletionException e) {
                                assertThat(s.original()).as(ctx + ": only a changed body is refused, got " + e.getCause()).isFalse();
                                assertThat(((RiskRefusal) e.getCause()).reason()).as(ctx).isEqualTo(PaymentError.IDEMPOTENCY_CONFLICT);
                                conflicts++;
                                continue;
                            }
                            assertThat(s.original()).as(ctx + ": a changed body must conflict").isTrue();
                            PaymentResult was = first.putIfAbsent(s.id(), r);
                            if (was == null) {
                                known.add(s.id());
                            } else {
                                assertThat(r.replayed()).as(ctx).isTrue();
                                assertThat(sameDecision(r, was)).as(ctx + ": %s then %s", was, r).isTrue();
                                replays++;
                            }
                        }
                        resolveSome(engine, rnd, known, first);
                    }
                    DurableIdempotencyTest.awaitIndexed(engine);
                    assertThat(assessor.attemptsByPayer.getOrDefault("alice", 0))
                            .as("seed=%d: each id decided once, never again on a retry", seed).isEqualTo(first.size());
                    if (round == 2) {
                        assertMoneyMatchesAnswers(f, engine, bodies, first);
                    }
                }
            }
        }
        System.out.println("RetryStormTest: " + first.size() + " payments, " + replays + " replays, " + conflicts + " conflicts");
        assertThat(replays).isPositive();
        assertThat(conflicts).isPositive();
    }

    private static boolean sameDecision(PaymentResult a, PaymentResult b) {
        return a.decision() == b.decision() && a.reasons().equals(b.reasons()) && a.transferIds().equals(b.transferIds())
                && a.decidedAt() == b.decidedAt() && a.score() == b.score();
    }

    private static void resolveSome(RiskEngine engine, Random rnd, List<String> known, Map<String, PaymentResult> first) {
        for (int i = 0; i < 3; i++) {
            String id = known.get(rnd.nextInt(known.size()));
            Decision d = first.get(id).decision();
            CompletableFuture<PaymentResult> f = d == Decision.CHALLENGED ? engine.challenge(id, rnd.nextBoolean())
                    : d == Decision.HELD_FOR_REVIEW ? engine.review(id, rnd.nextBoolean() ? Verdict.APPROVE : Verdict.DECLINE, null)
                    : null;
            if (f != null) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    assertThat(((RiskRefusal) e.getCause()).reason()).isIn(PaymentError.ALREADY_RESOLVED, PaymentError.IN_PROGRESS);
                }
            }
        }
    }

    /** Posted answers moved their amount and fee once; held ones hold them; the rest moved nothing. */
    private static void assertMoneyMatchesAnswers(RiskFixture f, RiskEngine engine, Map<String, PaymentRequest> bodies,
                                                  Map<String, PaymentResult> first) {
        long posted = 0;
        long toBob = 0;
        long fees = 0;
        long pending = 0;
        for (String id : first.keySet()) {
            PaymentRequest p = bodies.get(id);
            long fee = p.fee() == null ? 0 : p.fee().amount();
            PaymentStatus status = engine.lookup(id).orElseThrow().status();
            if (status == PaymentStatus.POSTED) {
                posted += p.amount() + fee;
                toBob += p.amount();
                fees += fee;
            } else if (status == PaymentStatus.HELD) {
                pending += p.amount() + fee;
            } else {
                assertThat(status).as(id).isIn(PaymentStatus.NONE, PaymentStatus.VOIDED);
            }
        }
        f.assertMoney(posted, toBob, fees, pending);
    }
}
