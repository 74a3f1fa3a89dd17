package dev.farthing.risk.engine;

import dev.farthing.contracts.payment.PaymentError;
import dev.farthing.contracts.payment.Decision;
import dev.farthing.contracts.payment.PaymentStatus;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.verify.LedgerVerifier;
import dev.farthing.ledger.verify.VerifyReport;
import dev.farthing.risk.review.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 between a challenge or review decision and the ledger's answer: a child JVM ({@link HoldCrashChild})
 * places and resolves held payments with fees on a durable ledger and risk engine, and is SIGKILLed at a seeded
 * random moment. After each kill the data is reopened and, for every payment, its payment leg and fee leg are
 * both absent, both pending, both posted or both voided (never mixed); the money adds up (payee and fee account
 * hold exactly the posted legs, debits equal credits); the risk engine's status agrees with the ledger once a
 * retried resolution has run; and the ledger journal verifies. Cycles: {@code -Dfarthing.holdcrash.cycles}
 * (default 3); seed printed, {@code -Dfarthing.seed=N} reproduces the kill times.
 */
class HoldCrashTest {
    private static final int MISSES_TO_STOP = 64;

    @TempDir
    Path dir;

    @Test
    void paymentAndFeeLegsAreResolvedTogetherAcrossSigkill() throws Exception {
        long seed = Long.getLong("farthing.seed", System.nanoTime());
        int cycles = Integer.getInteger("farthing.holdcrash.cycles", 3);
        System.out.println("HoldCrashTest seed=" + seed + " cycles=" + cycles + " (replay with -Dfarthing.seed=" + seed + ")");
        Random rnd = new Random(seed);
        Path data = dir.resolve("data");
        int[] paymentsPerCycle = new int[cycles + 1];
        for (int cycle = 1; cycle <= cycles; cycle++) {
            long killAfterMs = 150 + rnd.nextInt(1200);
            runAndKill(data, seed, cycle, killAfterMs);
            paymentsPerCycle[cycle] = check(data, cycle, paymentsPerCycle, rnd, "seed=" + seed + " cycle=" + cycle);
            System.out.printf("HoldCrashTest cycle %d: killed after %d ms; %d payments reached the ledger or journal%n",
                    cycle, killAfterMs, paymentsPerCycle[cycle]);
        }
        VerifyReport report = LedgerVerifier.verify(data.resolve("ledger"), LedgerConfig.DEFAULT_CURRENCIES, null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        int total = 0;
        for (int n : paymentsPerCycle) {
            total += n;
        }
        assertThat(total).as("the child got payments in before being killed").isPositive();
    }

    private void runAndKill(Path data, long seed, int cycle, long killAfterMs) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-ea", "-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), HoldCrashChild.class.getName(),
                data.toString(), Long.toString(seed), Integer.toString(cycle)));
        Path err = dir.resolve("child-" + cycle + ".err");
        Process child = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child start-up; stderr: %s", Files.exists(err) ? Files.readString(err) : "").isEqualTo("READY");
            Thread.sleep(killAfterMs);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    /** Reopens the data, checks every payment of cycles up to {@code cycle}; returns how many this cycle made. */
    private static int check(Path data, int cycle, int[] perCycle, Random rnd, String ctx) {
        int made = 0;
        try (Ledger ledger = HoldCrashChild.openLedger(data);
             RiskEngine risk = HoldCrashChild.openRisk(ledger, data)) {
            long bob = 0;
            long fees = 0;
            long pending = 0;
            for (int c = 1; c <= cycle; c++) {
                int misses = 0;
                for (int n = 0; misses < MISSES_TO_STOP; n++) {
                    String id = HoldCrashChild.paymentId(c, n);
                    TransferStatus leg = legsTogether(ledger, id, ctx);
                    if (leg == null && risk.lookup(id).isEmpty()) {
                        misses++;
                        continue;
                    }
                    misses = 0;
                    if (c == cycle) {
                        made = n + 1;
                    }
                    leg = settleRisk(ledger, risk, id, leg, rnd, ctx);
                    long amount = HoldCrashChild.amount(n);
                    long fee = HoldCrashChild.fee(n);
                    switch (leg) {
                        case POSTED -> {
                            bob += amount;
                            fees += fee;
                        }
                        case PENDING -> pending += amount + fee;
                        case VOIDED -> {
                        }
                        default -> throw new AssertionError(ctx + ": payment " + id + " legs " + leg);
                    }
                }
            }
            long alice = HoldCrashChild.FUNDED - bob - fees;
            assertThat(ledger.lookupAccount("bob").join().orThrow().balance()).as(ctx + ": payee holds the posted legs").isEqualTo(bob);
            assertThat(ledger.lookupAccount("platform").join().orThrow().balance()).as(ctx + ": fees hold the posted fee legs").isEqualTo(fees);
            assertThat(ledger.lookupAccount("alice").join().orThrow().balance()).as(ctx).isEqualTo(alice);
            assertThat(ledger.lookupAccount("alice").join().orThrow().debitsPending()).as(ctx).isEqualTo(pending);
            assertThat(ledger.lookupAccount("bank").join().orThrow().balance()).as(ctx + ": debits equal credits")
                    .isEqualTo(-HoldCrashChild.FUNDED);
            assertThat(ledger.health().breakerOpen()).as(ctx).isFalse();
        }
        return made;
    }

    /** The common state of a payment's two legs (null: neither exists); fails on any mix. */
    private static TransferStatus legsTogether(Ledger ledger, String id, String ctx) {
        Outcome<TransferView> payment = ledger.lookupTransfer(id).join();
        Outcome<TransferView> fee = ledger.lookupTransfer(id + ".fee").join();
        assertThat(payment.isOk()).as(ctx + ": payment leg and fee leg of " + id + " both exist or neither").isEqualTo(fee.isOk());
        if (!payment.isOk()) {
            assertThat(payment.error()).as(ctx).isEqualTo(ErrorCode.NOT_FOUND);
            return null;
        }
        assertThat(fee.value().status()).as(ctx + ": legs of " + id + " (payment " + payment.value().status() + ")")
                .isEqualTo(payment.value().status());
        return payment.value().status();
    }

    /**
     * Brings the risk engine level with the ledger as an operator's retry would: a payment still held is resolved
     * (again, if the ledger already did it before the kill); afterwards both agree and the legs still agree.
     */
    private static TransferStatus settleRisk(Ledger ledger, RiskEngine risk, String id, TransferStatus leg, Random rnd,
                                             String ctx) {
        PaymentResult r = risk.lookup(id).orElseThrow(() -> new AssertionError(ctx + ": ledger legs without a decision: " + id));
        if (r.status() == PaymentStatus.HELD) {
            boolean approve = rnd.nextBoolean();
            try {
                r = (r.decision() == Decision.CHALLENGED ? risk.challenge(id, approve)
                        : risk.review(id, approve ? Verdict.APPROVE : Verdict.DECLINE, null)).join();
            } catch (CompletionException e) {
                assertThat(((RiskRefusal) e.getCause()).reason()).as(ctx + " " + id).isEqualTo(PaymentError.ALREADY_RESOLVED);
                r = risk.lookup(id).orElseThrow();
            }
            leg = legsTogether(ledger, id, ctx);
        }
        TransferStatus expected = switch (r.status()) {
            case POSTED -> TransferStatus.POSTED;
            case VOIDED -> TransferStatus.VOIDED;
            default -> throw new AssertionError(ctx + ": payment " + id + " is " + r.status() + " after its resolution");
        };
        assertThat(leg).as(ctx + ": ledger legs of " + id + " match the risk status").isEqualTo(expected);
        return leg;
    }
}
