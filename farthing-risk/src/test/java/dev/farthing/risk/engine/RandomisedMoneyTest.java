package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentRequest;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.risk.review.FraudLabel;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static dev.farthing.risk.engine.RiskFixture.await;
import static dev.farthing.risk.engine.RiskFixture.payment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random payments of every kind, sent concurrently with repeats, then random challenge and review outcomes:
 * the ledger ends up holding exactly what the answers say moved, no more, and money is conserved.
 */
class RandomisedMoneyTest {
    @TempDir
    Path dir;

    @Test
    void theLedgerHoldsExactlyWhatTheAnswersSay() {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        System.out.println("seed=" + seed);
        Random random = new Random(seed);
        String[] kinds = {"approve-", "challenge-", "review-", "decline-"};
        try (RiskFixture f = new RiskFixture(dir); RiskEngine engine = f.openEngine(new ScriptedAssessor())) {
            List<PaymentRequest> sent = new ArrayList<>();
            List<CompletableFuture<PaymentResult>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // Some payments are too large for the wallet: the ledger refuses them, they become declines.
                long amount = random.nextInt(20) == 0 ? RiskFixture.FUNDED : 1 + random.nextInt(500);
                PaymentRequest p = payment(kinds[random.nextInt(4)] + i, amount, random.nextInt(3));
                sent.add(p);
                calls.add(engine.submit(p));
                if (random.nextInt(5) == 0) {
                    calls.add(engine.submit(p)); // a concurrent repeat
                }
            }
            calls.forEach(RiskFixture::await);
            long posted = 0;
            long held = 0;
            long bob = 0;
            long fees = 0;
            for (PaymentRequest p : sent) {
                PaymentResult r = engine.lookup(p.id()).orElseThrow();
                long total = p.amount() + (p.fee() == null ? 0 : p.fee().amount());
                long fee = p.fee() == null ? 0 : p.fee().amount();
                PaymentStatus status = r.status();
                if (status == PaymentStatus.HELD) {
                    boolean approve = random.nextBoolean();
                    PaymentResult resolved = r.decision() == Decision.CHALLENGED
                            ? await(engine.challenge(p.id(), approve))
                            : await(engine.review(p.id(), approve ? Verdict.APPROVE : Verdict.DECLINE, FraudLabel.LEGIT));
                    status = resolved.status();
                    assertThat(status).isEqualTo(approve ? PaymentStatus.POSTED : PaymentStatus.VOIDED);
                }
                if (status == PaymentStatus.POSTED) {
                    posted += total;
                    bob += p.amount();
                    fees += fee;
                }
                assertThat(status).as(p.id()).isIn(PaymentStatus.POSTED, PaymentStatus.VOIDED, PaymentStatus.NONE);
                assertThat(f.transferExists(p.id())).as(p.id()).isEqualTo(r.decision() != Decision.DECLINED);
            }
            f.assertMoney(posted, bob, fees, held);
        }
    }
}
