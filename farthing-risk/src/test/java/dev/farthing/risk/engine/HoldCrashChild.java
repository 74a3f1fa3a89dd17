package dev.farthing.risk.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.risk.review.Verdict;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process {@link HoldCrashTest} SIGKILLs: a durable ledger and risk engine on {@code args[0]} that places
 * challenged and held payments (with fees) for cycle {@code args[2]} and resolves each as soon as it is held,
 * from several threads, until killed. Prints {@code READY} once both engines are open.
 */
final class HoldCrashChild {
    static final int WORKERS = 8;
    static final long FUNDED = 1_000_000_000L;

    private HoldCrashChild() {
    }

    static Ledger openLedger(Path data) {
        return Ledgers.open(LedgerConfig.defaults(data.resolve("ledger")), Clock.systemUTC());
    }

    static RiskEngine openRisk(Ledger ledger, Path data) {
        return RiskEngine.open(ledger, data.resolve("risk"), new ScriptedAssessor(), RiskEngineConfig.defaults());
    }

    /** Accounts and funding; idempotent, so every start may run it. */
    static void ensureAccounts(Ledger ledger) {
        for (String id : List.of("alice", "bob", "platform", "bank")) {
            AccountKind kind = switch (id) {
                case "alice" -> AccountKind.WALLET;
                case "bob" -> AccountKind.MERCHANT;
                case "platform" -> AccountKind.FEE;
                default -> AccountKind.SETTLEMENT;
            };
            ledger.createAccount(new NewAccount(id, "USD", kind, kind == AccountKind.SETTLEMENT ? false : null, 0, Map.of()))
                    .join().orThrow();
        }
        ledger.createTransfer(NewTransfer.simple("fund-alice", "bank", "alice", FUNDED, "USD")).join().orThrow();
    }

    /** Payment {@code n} of {@code cycle}: a challenge on even numbers, a review on odd ones. */
    static String paymentId(int cycle, int n) {
        return (n % 2 == 0 ? "challenge-" : "review-") + cycle + "-" + n;
    }

    static long amount(int n) {
        return 10 + n % 90;
    }

    static long fee(int n) {
        return 1 + n % 3;
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int cycle = Integer.parseInt(args[2]);
        Ledger ledger = openLedger(data);
        ensureAccounts(ledger);
        RiskEngine risk = openRisk(ledger, data);
        System.out.println("READY");
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            Random rnd = new Random(seed * 31 + w);
            workers[w] = Thread.ofPlatform().start(() -> {
                while (true) {
                    int n = next.getAndIncrement();
                    String id = paymentId(cycle, n);
                    try {
                        risk.submit(RiskFixture.payment(id, amount(n), fee(n))).join();
                        if (n % 2 == 0) {
                            risk.challenge(id, rnd.nextBoolean()).join();
                        } else {
                            risk.review(id, rnd.nextBoolean() ? Verdict.APPROVE : Verdict.DECLINE, null).join();
                        }
                    } catch (CompletionException e) {
                        System.err.println("payment " + id + ": " + e.getCause());
                    }
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
    }
}
