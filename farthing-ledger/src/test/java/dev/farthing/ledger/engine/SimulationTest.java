package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.journal.BatchScanner;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.LedgerHealth;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.Page;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.JournalFiles;
import dev.farthing.ledger.testing.Seeds;
import dev.farthing.ledger.testing.TestClock;
import dev.farthing.ledger.verify.LedgerVerifier;
import dev.farthing.ledger.api.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded simulation in the spirit of TigerBeetle's VOPR. From one seed it runs many rounds of: open the
 * ledger (recovering from whatever the last "crash" left), check every invariant against a model of what
 * was <em>acknowledged</em>, push waves of concurrent random commands, then crash: close, and leave on disk
 * only what a real crash could (a torn last write: a prefix of a record, zeros, a record whose last pages
 * never arrived, a few bytes of garbage; an empty freshly rolled segment; a stale snapshot temp file), and
 * sometimes lose the newest snapshot, the whole index, or the index's recent progress.
 *
 * <p>The model only believes acknowledgements: every acknowledged transfer must exist exactly once with the
 * same body after every recovery, every refused one must not exist, balances must equal the sums of the
 * acknowledged transfers, listings must hold each transfer once, the breaker must stay closed and
 * {@code farthing verify} must pass.
 *
 * <p>{@code -Dfarthing.seed=N} replays a run; {@code -Dfarthing.sim.rounds=R} runs more rounds.
 */
class SimulationTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void acknowledgedHistorySurvivesEveryCrash() {
        long seed = Seeds.seed("SimulationTest");
        int rounds = Integer.getInteger("farthing.sim.rounds", 24);
        Sim sim = new Sim(seed, tmp.resolve("data"), rounds);
        sim.run();
        System.out.println("SimulationTest: seed=" + seed + " rounds=" + rounds + " " + sim.stats);
        assertThat(sim.stats.getOrDefault("transfer:ok", 0)).as("seed=%d", seed).isGreaterThan(rounds * 20);
    }

    static final class Sim {
        final long seed;
        final Path dir;
        final int rounds;
        final Random rnd;
        final TestClock clock = new TestClock(Instant.parse("2031-01-01T00:00:00Z"), 1_000);
        final Map<String, Integer> stats = new TreeMap<>();

        // The model: what was acknowledged.
        final Map<String, NewAccount> accounts = new LinkedHashMap<>();
        final Map<String, AccountStatus> status = new HashMap<>();
        final Map<String, NewTransfer> requests = new LinkedHashMap<>();
        final Map<String, TransferView> views = new LinkedHashMap<>();
        /** Holds the model knows expired but not when (resolvedAt is the ledger's to say). */
        final Set<String> expiredAtUnknownTime = new HashSet<>();
        final Set<String> refused = new HashSet<>();
        /** Every hold with expiresAt at or before this was surely expired by the ledger. */
        long surelyExpiredUpTo;

        int round;
        int nextId;
        String phase = "start";

        // What the last crash left, for the next recovery to report.
        long expectedTornBytes;
        String expectedTornFile;
        String expectedSnapshot;

        Sim(long seed, Path dir, int rounds) {
            this.seed = seed;
            this.dir = dir;
            this.rounds = rounds;
            this.rnd = new Random(seed);
        }

        String ctx() {
            return "seed=" + seed + " round=" + round + " " + phase;
        }

        void count(String what) {
            stats.merge(what, 1, Integer::sum);
        }

        void run() {
            for (round = 0; round < rounds; round++) {
                LedgerConfig config = LedgerConfig.defaults(dir)
                        .withSnapshotEveryBatches(1 + rnd.nextInt(8))
                        .withSegmentBytes(new long[] {4096, 8192, 65_536, 1 << 20}[rnd.nextInt(4)])
                        .withFsync(rnd.nextInt(4) == 0);
                phase = "open " + config;
                List<Path> snapshotsBefore = snapshotFiles();
                expectedSnapshot = snapshotsBefore.isEmpty() ? null : snapshotsBefore.getLast().getFileName().toString();
                Ledger ledger = LedgerEngine.open(config, clock);
                try {
                    afterRecovery(ledger, config);
                    if (round == 0) {
                        setUp(ledger);
                    }
                    boolean crashMidWave = rnd.nextInt(3) == 0;
                    int waves = 1 + rnd.nextInt(4);
                    List<Op> inFlight = List.of();
                    for (int w = 0; w < waves; w++) {
                        phase = "wave " + w;
                        inFlight = submitWave(ledger);
                        if (crashMidWave && w == waves - 1) {
                            break; // close with the last wave still in flight
                        }
                        settle(inFlight);
                        inFlight = List.of();
                        if (rnd.nextInt(3) > 0) {
                            advanceClock(ledger);
                        }
                    }
                    phase = "crash";
                    ledger.close();
                    // Everything queued before close was executed and acknowledged: close drains, never drops.
                    for (Op op : inFlight) {
                        assertThat(op.future.isDone() && !op.future.isCompletedExceptionally())
                                .as(ctx() + ": in-flight " + op + " after close: " + op.future).isTrue();
                    }
                    settle(inFlight);
                } catch (RuntimeException | AssertionError e) {
                    ledger.close();
                    throw e;
                }
                VerifyReport clean = LedgerVerifier.verify(dir, config.currencies(), null);
                assertThat(clean.ok()).as(ctx() + ": verify after close: " + clean.verdict()).isTrue();
                assertThat(clean.transfers()).as(ctx()).isEqualTo(views.size());
                damage();
            }
            round = rounds;
            phase = "final open";
            LedgerConfig config = LedgerConfig.defaults(dir).withFsync(false);
            List<Path> snapshotsBefore = snapshotFiles();
            expectedSnapshot = snapshotsBefore.isEmpty() ? null : snapshotsBefore.getLast().getFileName().toString();
            try (Ledger ledger = LedgerEngine.open(config, clock)) {
                afterRecovery(ledger, config);
            }
            VerifyReport last = LedgerVerifier.verify(dir, config.currencies(), null);
            assertThat(last.ok()).as(ctx() + ": " + last.verdict()).isTrue();
        }

        void setUp(Ledger ledger) {
            phase = "setup";
            List<Op> ops = new ArrayList<>();
            for (String c : List.of("USD", "EUR")) {
                ops.add(createAccount(ledger, new NewAccount("mint-" + c, c, AccountKind.SETTLEMENT, null, 0, Map.of())));
            }
            settle(ops);
            ops.clear();
            for (int i = 0; i < 12; i++) {
                ops.add(createAccount(ledger, randomAccount()));
            }
            settle(ops);
        }

        // ------------------------------------------------------------------ operations

        /** One submitted command, its future, and how to fold its acknowledgement into the model. */
        abstract static class Op {
            CompletableFuture<?> future;
            /** Resolutions are folded in after the wave's creations. */
            boolean late;

            abstract void settle(Sim sim, Object result);
        }

        List<Op> submitWave(Ledger ledger) {
            List<Op> ops = new ArrayList<>();
            Set<String> statusTouched = new HashSet<>();
            int n = 20 + rnd.nextInt(150);
            List<String> accountIds = new ArrayList<>(accounts.keySet());
            List<String> committed = new ArrayList<>(requests.keySet());
            List<String> pending = views.values().stream().filter(v -> v.status() == TransferStatus.PENDING)
                    .map(TransferView::id).toList();
            for (int i = 0; i < n; i++) {
                int pick = rnd.nextInt(100);
                if (pick < 6) {
                    ops.add(createAccount(ledger, randomAccount()));
                } else if (pick < 8 && !accounts.isEmpty()) {
                    ops.add(createAccount(ledger, accounts.get(pick(accountIds))));
                } else if (pick < 48) {
                    ops.add(createTransfers(ledger, List.of(randomTransfer(accountIds)), rnd.nextBoolean()));
                } else if (pick < 56 && !committed.isEmpty()) {
                    ops.add(createTransfers(ledger, List.of(requests.get(pick(committed))), false));
                } else if (pick < 60 && !committed.isEmpty()) {
                    NewTransfer t = requests.get(pick(committed));
                    ops.add(createTransfers(ledger, List.of(new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(),
                            t.amount() + 1, t.currency(), t.code(), t.reference(), t.metadata(), t.pendingTimeoutS())), false));
                } else if (pick < 72) {
                    List<NewTransfer> batch = new ArrayList<>();
                    for (int k = 2 + rnd.nextInt(7); k > 0; k--) {
                        batch.add(!committed.isEmpty() && rnd.nextInt(10) == 0 ? requests.get(pick(committed))
                                : randomTransfer(accountIds));
                    }
                    ops.add(createTransfers(ledger, batch, rnd.nextBoolean()));
                } else if (pick < 82 && !pending.isEmpty()) {
                    String id = pick(pending);
                    TransferView hold = views.get(id);
                    long amount = rnd.nextBoolean() ? 0 : 1 + (long) (rnd.nextDouble() * hold.amount());
                    ops.add(resolve(ledger, id, true, Math.min(amount, hold.amount())));
                } else if (pick < 88 && !pending.isEmpty()) {
                    ops.add(resolve(ledger, pick(pending), false, 0));
                } else if (pick < 92 && !accounts.isEmpty()) {
                    String id = pick(accountIds);
                    if (!id.startsWith("mint-") && statusTouched.add(id)) { // one status change per account per wave
                        int t = rnd.nextInt(10);
                        ops.add(changeStatus(ledger, id, t < 5 ? AccountStatus.OPEN : t < 9 ? AccountStatus.FROZEN
                                : AccountStatus.CLOSED));
                    }
                } else if (pick < 97 && !committed.isEmpty()) {
                    String id = pick(committed);
                    Op op = new Op() {
                        void settle(Sim sim, Object result) {
                            assertThat(((Outcome<?>) result).isOk()).as(sim.ctx() + ": lookup of acknowledged " + id).isTrue();
                        }
                    };
                    op.future = ledger.lookupTransfer(id);
                    ops.add(op);
                } else if (pick < 98) {
                    Op op = new Op() {
                        void settle(Sim sim, Object result) {
                            assertThat((String) result).as(sim.ctx()).startsWith("snapshot-");
                            sim.count("snapshot:on_demand");
                        }
                    };
                    op.future = ledger.snapshot();
                    ops.add(op);
                }
            }
            return ops;
        }

        NewAccount randomAccount() {
            AccountKind kind = AccountKind.values()[rnd.nextInt(AccountKind.values().length)];
            Boolean noOverdraft = rnd.nextInt(3) == 0 ? Boolean.valueOf(rnd.nextBoolean()) : null;
            long limit = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(500) : 0;
            return new NewAccount("a" + nextId++, rnd.nextInt(3) == 0 ? "EUR" : "USD", kind, noOverdraft, limit,
                    rnd.nextBoolean() ? Map.of() : Map.of("k", "v" + rnd.nextInt(9)));
        }

        NewTransfer randomTransfer(List<String> accountIds) {
            String currency = rnd.nextInt(3) == 0 ? "EUR" : "USD";
            List<String> same = accountIds.stream().filter(id -> accounts.get(id).currency().equals(currency)).toList();
            String debit = same.isEmpty() || rnd.nextInt(10) < 3 ? "mint-" + currency : pick(same);
            String credit = same.isEmpty() ? "mint-" + currency : pick(same);
            if (rnd.nextInt(40) == 0) {
                credit = "nobody";
            }
            long amount = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 50_000 : 2_000);
            long timeout = rnd.nextInt(10) < 3 ? 1 + rnd.nextInt(8) : 0;
            return new NewTransfer("t" + nextId++, debit, credit, amount, currency,
                    rnd.nextInt(4) == 0 ? "pay" : null, null,
                    rnd.nextInt(4) == 0 ? Map.of("order", "o" + rnd.nextInt(1000)) : Map.of(), timeout);
        }

        Op createAccount(Ledger ledger, NewAccount request) {
            Op op = new Op() {
                void settle(Sim sim, Object result) {
                    Outcome<?> o = (Outcome<?>) result;
                    if (o.isOk()) {
                        AccountView v = (AccountView) o.value();
                        assertThat(v.currency() + v.kind() + v.noOverdraft() + v.creditLimit() + v.metadata())
                                .as(sim.ctx() + ": " + request).isEqualTo(request.currency() + request.kind()
                                        + request.effectiveNoOverdraft() + request.creditLimit() + request.metadata());
                        if (sim.accounts.putIfAbsent(request.id(), request) == null) {
                            sim.status.put(request.id(), AccountStatus.OPEN);
                        }
                        sim.count(o.replayed() ? "account:replay" : "account:ok");
                    } else {
                        fail(sim.ctx() + ": account refused: " + request + " -> " + o);
                    }
                }
            };
            op.future = ledger.createAccount(request);
            return op;
        }

        Op changeStatus(Ledger ledger, String id, AccountStatus target) {
            Op op = new Op() {
                void settle(Sim sim, Object result) {
                    Outcome<?> o = (Outcome<?>) result;
                    if (o.isOk()) {
                        assertThat(((AccountView) o.value()).status()).as(sim.ctx()).isEqualTo(target);
                        sim.status.put(id, target);
                        sim.count("status:" + target.wire());
                    } else {
                        sim.count("status:" + o.error().code());
                    }
                }
            };
            op.future = ledger.changeAccountStatus(id, target);
            return op;
        }

        Op createTransfers(Ledger ledger, List<NewTransfer> batch, boolean atomic) {
            Op op = new Op() {
                @SuppressWarnings("unchecked")
                void settle(Sim sim, Object result) {
                    List<Outcome<TransferView>> results = (List<Outcome<TransferView>>) result;
                    assertThat(results).as(sim.ctx()).hasSize(batch.size());
                    if (atomic) {
                        long ok = results.stream().filter(Outcome::isOk).count();
                        assertThat(ok == 0 || ok == batch.size()).as(sim.ctx() + ": atomic batch half committed: " + results).isTrue();
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        sim.transferAcknowledged(batch.get(i), results.get(i));
                    }
                }
            };
            op.future = ledger.createTransfers(batch, atomic);
            return op;
        }

        void transferAcknowledged(NewTransfer t, Outcome<TransferView> o) {
            if (o.isOk()) {
                TransferView v = o.value();
                assertThat(v.sameBodyAs(t)).as(ctx() + ": acknowledged " + v + " for " + t).isTrue();
                if (!o.replayed()) {
                    assertThat(v.status()).as(ctx()).isEqualTo(t.isPending() ? TransferStatus.PENDING : TransferStatus.POSTED);
                    TransferView before = views.putIfAbsent(v.id(), v);
                    assertThat(before).as(ctx() + ": " + v.id() + " created twice").isNull();
                    requests.put(v.id(), t);
                    refused.remove(v.id());
                    count("transfer:ok");
                } else {
                    count("transfer:replay");
                }
            } else if (!views.containsKey(t.id())) {
                refused.add(t.id());
                count("transfer:" + o.error().code());
            } else {
                count("transfer:" + o.error().code());
            }
        }

        Op resolve(Ledger ledger, String id, boolean post, long amount) {
            Op op = new Op() {
                @SuppressWarnings("unchecked")
                void settle(Sim sim, Object result) {
                    Outcome<TransferView> o = (Outcome<TransferView>) result;
                    TransferView hold = sim.views.get(id);
                    String kind = post ? "post" : "void";
                    if (o.isOk() && !o.replayed()) {
                        TransferView v = o.value();
                        assertThat(hold.status()).as(sim.ctx() + ": " + id + " resolved twice: " + v).isEqualTo(TransferStatus.PENDING);
                        TransferView expected = new TransferView(hold.id(), hold.debitAccount(), hold.creditAccount(),
                                hold.amount(), hold.currency(), hold.code(), hold.reference(), hold.metadata(),
                                hold.pendingTimeoutS(), hold.timestamp(), post ? TransferStatus.POSTED : TransferStatus.VOIDED,
                                post ? (amount == 0 ? hold.amount() : amount) : 0, hold.expiresAt(), v.resolvedAt());
                        assertThat(v).as(sim.ctx()).isEqualTo(expected);
                        assertThat(v.resolvedAt()).as(sim.ctx()).isGreaterThan(hold.timestamp());
                        sim.views.put(id, v);
                        sim.count(kind + ":ok");
                    } else if (o.isOk()) {
                        sim.count(kind + ":replay");
                    } else {
                        if (o.error() == ErrorCode.PENDING_EXPIRED && hold.status() == TransferStatus.PENDING) {
                            sim.expire(hold);
                        }
                        sim.count(kind + ":" + o.error().code());
                    }
                }
            };
            op.late = true;
            op.future = post ? ledger.postPending(id, amount) : ledger.voidPending(id);
            return op;
        }

        /** Folds outcomes into the model: creations before resolutions (a wave's order is the ledger's). */
        void settle(List<Op> ops) {
            List<Op> later = new ArrayList<>();
            for (Op op : ops) {
                Object result;
                try {
                    result = op.future.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(ctx() + ": " + op + " did not complete: " + e, e);
                }
                if (op.late) {
                    later.add(op);
                    continue;
                }
                op.settle(this, result);
            }
            for (Op op : later) {
                op.settle(this, op.future.join());
            }
        }

        void expire(TransferView hold) {
            views.put(hold.id(), new TransferView(hold.id(), hold.debitAccount(), hold.creditAccount(), hold.amount(),
                    hold.currency(), hold.code(), hold.reference(), hold.metadata(), hold.pendingTimeoutS(),
                    hold.timestamp(), TransferStatus.EXPIRED, 0, hold.expiresAt(), -1));
            expiredAtUnknownTime.add(hold.id());
        }

        /** Moves ledger time on (never to a whole second, so deadlines are not ambiguous) and lets holds expire. */
        void advanceClock(Ledger ledger) {
            clock.advanceNanos(SECOND / 2 + (long) (rnd.nextDouble() * 4 * SECOND));
            long before = clock.nanos();
            ledger.lookupAccount("mint-USD").join(); // a batch at or after `before`: everything due by then expires
            surelyExpiredUpTo = before;
            for (TransferView v : List.copyOf(views.values())) {
                if (v.status() == TransferStatus.PENDING && v.expiresAt() <= before) {
                    expire(v);
                    count("expired");
                }
            }
        }

        // ------------------------------------------------------------------ recovery checks

        void afterRecovery(Ledger ledger, LedgerConfig config) {
            phase = "after recovery";
            RecoveryReport report = ledger.recovery();
            assertThat(report.tornTailBytes()).as(ctx() + ": " + report).isEqualTo(expectedTornBytes);
            assertThat(report.tornTailFile()).as(ctx() + ": " + report).isEqualTo(expectedTornFile);
            assertThat(report.snapshotFile()).as(ctx() + ": " + report).isEqualTo(expectedSnapshot);
            expectedTornBytes = 0;
            expectedTornFile = null;

            clock.step(0); // hold ledger time still while checking, so nothing expires under our feet
            try {
                long sequenceAtOpen = report.snapshotSequence() + report.replayedBatches();
                long before = clock.nanos();
                ledger.lookupAccount("mint-USD").join(); // one batch: whatever is due at `before` expires now
                surelyExpiredUpTo = before;
                if (ledger.health().journalSequence() != sequenceAtOpen) {
                    ledger.snapshot().join(); // a barrier: no snapshot is still being written while verify reads
                }
                checkEverything(ledger);
                VerifyReport verify = LedgerVerifier.verify(dir, config.currencies(), null);
                assertThat(verify.ok()).as(ctx() + ": " + verify.verdict()).isTrue();
                assertThat(verify.transfers()).as(ctx()).isEqualTo(views.size());
                assertThat(verify.accounts()).as(ctx()).isEqualTo(accounts.size());
            } finally {
                clock.step(1_000);
            }
        }

        void checkEverything(Ledger ledger) {
            LedgerHealth health = ledger.health();
            assertThat(health.breakerOpen()).as(ctx() + ": " + health.breakerReason()).isFalse();

            // Every acknowledged transfer, exactly as acknowledged (holds may have expired since).
            Map<String, CompletableFuture<Outcome<TransferView>>> lookups = new LinkedHashMap<>();
            for (String id : views.keySet()) {
                lookups.put(id, ledger.lookupTransfer(id));
            }
            Map<String, CompletableFuture<Outcome<TransferView>>> absent = new LinkedHashMap<>();
            for (String id : refused) {
                absent.put(id, ledger.lookupTransfer(id));
            }
            long ambiguousUpTo = clock.nanos() + 10_000_000L;
            for (Map.Entry<String, CompletableFuture<Outcome<TransferView>>> e : lookups.entrySet()) {
                Outcome<TransferView> found = e.getValue().join();
                TransferView want = views.get(e.getKey());
                assertThat(found.isOk()).as(ctx() + ": acknowledged transfer lost: " + want + " -> " + found).isTrue();
                TransferView got = found.value();
                if (want.status() == TransferStatus.PENDING && got.status() == TransferStatus.EXPIRED) {
                    assertThat(want.expiresAt()).as(ctx() + ": expired early: " + got).isLessThanOrEqualTo(ambiguousUpTo);
                    expire(want);
                    want = views.get(e.getKey());
                }
                if (want.status() == TransferStatus.PENDING) {
                    assertThat(want.expiresAt()).as(ctx() + ": should have expired: " + got).isGreaterThan(surelyExpiredUpTo);
                }
                if (expiredAtUnknownTime.contains(want.id())) {
                    assertThat(got.status()).as(ctx() + ": " + got).isEqualTo(TransferStatus.EXPIRED);
                    assertThat(got.resolvedAt()).as(ctx() + ": " + got).isGreaterThanOrEqualTo(want.expiresAt());
                    want = new TransferView(want.id(), want.debitAccount(), want.creditAccount(), want.amount(),
                            want.currency(), want.code(), want.reference(), want.metadata(), want.pendingTimeoutS(),
                            want.timestamp(), TransferStatus.EXPIRED, 0, want.expiresAt(), got.resolvedAt());
                    views.put(want.id(), want);
                    expiredAtUnknownTime.remove(want.id());
                }
                assertThat(got).as(ctx() + ": acknowledged transfer changed").isEqualTo(want);
            }
            for (Map.Entry<String, CompletableFuture<Outcome<TransferView>>> e : absent.entrySet()) {
                assertThat(e.getValue().join().error()).as(ctx() + ": refused transfer " + e.getKey() + " exists")
                        .isEqualTo(ErrorCode.NOT_FOUND);
            }

            // Balances are the sums of the acknowledged transfers.
            Map<String, long[]> sums = new HashMap<>();
            Map<String, List<TransferView>> byAccount = new HashMap<>();
            int pending = 0;
            for (TransferView v : views.values()) {
                long[] d = sums.computeIfAbsent(v.debitAccount(), k -> new long[4]);
                long[] c = sums.computeIfAbsent(v.creditAccount(), k -> new long[4]);
                long posted = v.pendingTimeoutS() == 0 ? v.amount() : v.status() == TransferStatus.POSTED ? v.postedAmount() : 0;
                long held = v.status() == TransferStatus.PENDING ? v.amount() : 0;
                pending += held > 0 ? 1 : 0;
                d[0] += posted;
                c[1] += posted;
                d[2] += held;
                c[3] += held;
                byAccount.computeIfAbsent(v.debitAccount(), k -> new ArrayList<>()).add(v);
                byAccount.computeIfAbsent(v.creditAccount(), k -> new ArrayList<>()).add(v);
            }
            Map<String, CompletableFuture<Outcome<AccountView>>> accountLookups = new LinkedHashMap<>();
            for (String id : accounts.keySet()) {
                accountLookups.put(id, ledger.lookupAccount(id));
            }
            for (Map.Entry<String, CompletableFuture<Outcome<AccountView>>> e : accountLookups.entrySet()) {
                Outcome<AccountView> found = e.getValue().join();
                assertThat(found.isOk()).as(ctx() + ": acknowledged account lost: " + e.getKey()).isTrue();
                AccountView a = found.value();
                NewAccount req = accounts.get(e.getKey());
                long[] s = sums.getOrDefault(a.id(), new long[4]);
                assertThat(new long[] {a.debitsPosted(), a.creditsPosted(), a.debitsPending(), a.creditsPending()})
                        .as(ctx() + ": balances of " + a).isEqualTo(s);
                assertThat(a.status()).as(ctx() + ": " + a).isEqualTo(status.get(a.id()));
                assertThat(a.kind()).as(ctx()).isEqualTo(req.kind());
                assertThat(a.noOverdraft()).as(ctx()).isEqualTo(req.effectiveNoOverdraft());
                if (a.noOverdraft()) {
                    assertThat(a.debitsPosted() + a.debitsPending()).as(ctx() + ": overdrawn " + a)
                            .isLessThanOrEqualTo(a.creditsPosted() + a.creditLimit());
                }
            }
            LedgerHealth h = ledger.health();
            assertThat(h.accounts()).as(ctx()).isEqualTo(accounts.size());
            assertThat(h.transfersCommitted()).as(ctx()).isEqualTo(views.size());
            assertThat(h.pendingHolds()).as(ctx()).isEqualTo(pending);

            // Every account's listing holds each of its transfers exactly once, newest first, as acknowledged.
            for (String id : accounts.keySet()) {
                List<TransferView> listed = new ArrayList<>();
                String cursor = null;
                do {
                    Outcome<Page<TransferView>> page = ledger.listAccountTransfers(id, 1 + rnd.nextInt(PAGE_MAX), cursor).join();
                    assertThat(page.isOk()).as(ctx() + ": listing " + id + ": " + page).isTrue();
                    listed.addAll(page.value().items());
                    cursor = page.value().nextCursor();
                } while (cursor != null);
                List<String> ids = listed.stream().map(TransferView::id).toList();
                assertThat(new HashSet<>(ids)).as(ctx() + ": listing of " + id + " has duplicates: " + ids).hasSize(ids.size());
                List<TransferView> expected = new ArrayList<>(byAccount.getOrDefault(id, List.of()));
                expected.sort((x, y) -> Long.compare(y.timestamp(), x.timestamp()));
                assertThat(listed).as(ctx() + ": listing of " + id).isEqualTo(expected);
            }
            count("recoveries checked");
        }

        static final int PAGE_MAX = 300;

        // ------------------------------------------------------------------ crashes

        /** What a crash can leave behind, plus lost derived files (snapshots, index). */
        void damage() {
            phase = "damage";
            Path journal = JournalFiles.logDir(dir);
            List<Path> segments = JournalFiles.segments(journal);
            List<JournalFiles.Record> records = JournalFiles.records(journal);
            JournalFiles.Record last = records.getLast();
            List<String> done = new ArrayList<>();
            if (rnd.nextInt(10) == 0 && JournalFiles.size(segments.getLast()) > JournalFiles.SEGMENT_HEADER) {
                // The writer rolled to a new segment and crashed before writing to it.
                long base = JournalFiles.baseOf(segments.getLast()) + JournalFiles.size(segments.getLast());
                JournalFiles.write(journal.resolve(String.format("segment-%020d.log", base)), JournalFiles.segmentHeader(base));
                done.add("empty new segment");
            }
            if (rnd.nextInt(10) < 6) {
                Path tail = JournalFiles.segments(journal).getLast();
                TransferView phantom = new TransferView("phantom" + round, "mint-USD", "mint-EUR", 1, "USD", null, null,
                        Map.of(), 0, clock.nanos(), TransferStatus.POSTED, 1, 0, 0);
                byte[] next = JournalFiles.nextRecord(last.sequence(), last.hash(), clock.nanos(),
                        List.<LedgerEvent>of(new LedgerEvent.TransferCommitted(phantom)));
                byte[] torn = switch (rnd.nextInt(4)) {
                    case 0 -> Arrays.copyOf(next, 1 + rnd.nextInt(next.length - 1));
                    case 1 -> new byte[1 + rnd.nextInt(8192)];
                    case 2 -> {
                        byte[] garbage = new byte[1 + rnd.nextInt(JournalFiles.FRAME_HEADER - 1)];
                        rnd.nextBytes(garbage);
                        yield garbage;
                    }
                    default -> {
                        // The last frame's (the seal's) last pages did not land: 16..84 zeros at its end.
                        int zeros = 16 + rnd.nextInt(84 - 16 + 1);
                        Arrays.fill(next, next.length - zeros, next.length, (byte) 0);
                        yield next;
                    }
                };
                JournalFiles.append(tail, torn);
                expectedTornBytes = torn.length;
                expectedTornFile = tail.getFileName().toString();
                done.add("torn tail of " + torn.length + " bytes in " + expectedTornFile);
                count("crash:torn_tail");
            }
            List<Path> snapshots = snapshotFiles();
            if (!snapshots.isEmpty() && rnd.nextInt(4) == 0) {
                JournalFiles.deleteTree(snapshots.getLast());
                done.add("lost " + snapshots.getLast().getFileName());
                count("crash:lost_snapshot");
            }
            if (rnd.nextInt(10) == 0) {
                JournalFiles.write(journal.resolve(".snapshot-" + last.sequence() + ".snap.x1y2.tmp"), new byte[] {1, 2, 3});
                done.add("stale snapshot temp file");
            }
            int index = rnd.nextInt(8);
            if (index < 2) {
                JournalFiles.deleteTree(dir.resolve("index"));
                done.add("lost the index");
                count("crash:lost_index");
            } else if (index < 4) {
                rewindIndex(done);
            }
            VerifyReport damaged = LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
            assertThat(damaged.ok()).as(ctx() + " " + done + ": " + damaged.verdict()).isTrue();
            assertThat(damaged.tornTailBytes()).as(ctx() + " " + done).isEqualTo(expectedTornBytes);
            phase = "damage " + done;
        }

        /** The index's newest writes never reached disk: its position goes back to an earlier batch. */
        void rewindIndex(List<String> done) {
            List<long[]> batches = new ArrayList<>();
            try (LedgerLog log = LedgerLog.openReadOnly(JournalFiles.logDir(dir));
                 BatchScanner scan = log.scan(log.startPosition(), 1, LedgerFrames.GENESIS_HASH, 1)) {
                BatchScanner.Batch b;
                while ((b = scan.next()) != null) {
                    batches.add(new long[] {b.sequence(), b.events().isEmpty() ? 0 : b.events().getLast().timestamp()});
                }
            }
            long[] to = rnd.nextInt(4) == 0 ? new long[] {0, 0} : batches.get(rnd.nextInt(batches.size()));
            try (TransferIndex index = new TransferIndex(dir.resolve("index"))) {
                index.write(List.of(), to[0], to[1]);
            }
            done.add("index rewound to batch " + to[0]);
            count("crash:index_rewound");
        }

        List<Path> snapshotFiles() {
            return java.nio.file.Files.isDirectory(JournalFiles.logDir(dir)) ? JournalFiles.snapshots(JournalFiles.logDir(dir)) : List.of();
        }

        <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }
    }
}
