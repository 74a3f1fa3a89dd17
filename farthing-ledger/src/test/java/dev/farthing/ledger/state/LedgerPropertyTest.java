package dev.farthing.ledger.state;

import dev.farthing.ledger.event.ByteSink;
import dev.farthing.ledger.event.EventCodec;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.LedgerEvent.AccountOpened;
import dev.farthing.ledger.model.LedgerEvent.AccountStatusChanged;
import dev.farthing.ledger.model.LedgerEvent.PendingResolved;
import dev.farthing.ledger.model.LedgerEvent.TransferCommitted;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.Seeds;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded randomised property test of the state machine on its own (no threads, no I/O): thousands of
 * random commands go through {@link CommandProcessor} and, in parallel, through a deliberately simple
 * reference model written here from the specification. After every command the outcome, the events, every
 * balance and the global invariants must agree; at checkpoints the emitted events are replayed into a
 * fresh {@link LedgerState} and must give the same snapshot bytes (determinism).
 *
 * <p>Replay a failure with {@code -Dfarthing.seed=N}; more work with {@code -Dfarthing.prop.rounds=R}
 * and {@code -Dfarthing.prop.steps=S}.
 */
class LedgerPropertyTest {
    static final List<Currency> CURRENCIES = List.of(new Currency("USD", 6), new Currency("EUR", 2), new Currency("JPY", 0));
    /** JPY is where amounts near Long.MAX_VALUE go, so USD and EUR stay usable for the rest of a round. */
    static final String BIG = "JPY";
    static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final long SECOND = 1_000_000_000L;
    static final long START = 1_900_000_000L * SECOND;

    @Test
    void randomCommandsAgreeWithTheReferenceModel() {
        long seed = Seeds.seed("LedgerPropertyTest");
        int rounds = Integer.getInteger("farthing.prop.rounds", 16);
        int steps = Integer.getInteger("farthing.prop.steps", 2000);
        Random master = new Random(seed);
        Map<String, Integer> coverage = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            new World(seed, round, master.nextLong(), steps, coverage).run();
        }
        System.out.println("LedgerPropertyTest: seed=" + seed + " rounds=" + rounds + " steps=" + steps + " coverage=" + coverage);
        // The generator must actually reach every rule it claims to test, whatever the seed.
        for (String must : List.of("transfer:ok", "transfer:replay", "transfer:id_conflict", "transfer:insufficient_funds",
                "transfer:overflow", "transfer:account_frozen", "transfer:account_closed", "transfer:currency_mismatch",
                "transfer:not_found", "transfer:same_account", "transfer:unknown_currency", "atomic:rolled_back",
                "atomic:committed", "loose:mixed", "resolve_all:committed", "resolve_all:rolled_back", "post:full", "post:partial", "post:exceeds_pending_amount",
                "post:already_posted", "post:already_voided", "post:replay", "post:pending_expired", "void:ok", "void:replay",
                "void:already_posted",
                "expired", "status:closed", "status:account_not_empty", "account:replay", "account:id_conflict",
                "clock:backwards", "hold:ok", "no_overdraft:exact_fit")) {
            assertThat(coverage.getOrDefault(must, 0)).as("seed=%d: generator never exercised %s", seed, must).isPositive();
        }
    }

    /** One round: a fresh ledger state and model driven by one sub-seed. */
    static final class World {
        final long seed;
        final int round;
        final Random rnd;
        final int steps;
        final Map<String, Integer> coverage;
        final LedgerState state = new LedgerState(CURRENCIES);
        final RecentTransfers recent = new RecentTransfers();
        final CommandProcessor processor = new CommandProcessor(state, recent, () -> false);
        final Model model = new Model();
        final List<LedgerEvent> log = new ArrayList<>();
        /** Index-like mode: the recent cache is emptied each batch and lookups come from a prefetched map. */
        final boolean indexedMode;
        long clock = START;
        long batchNow;
        long lastEventTs;
        int step;
        String op = "start";
        int nextId;
        byte[] checkpointSnapshot;
        int checkpointLogSize;

        World(long seed, int round, long roundSeed, int steps, Map<String, Integer> coverage) {
            this.seed = seed;
            this.round = round;
            this.rnd = new Random(roundSeed);
            this.steps = steps;
            this.coverage = coverage;
            this.indexedMode = round % 3 == 2;
        }

        String ctx() {
            return "seed=" + seed + " round=" + round + " step=" + step + " op=" + op;
        }

        void cover(String what) {
            coverage.merge(what, 1, Integer::sum);
        }

        void run() {
            newBatch();
            for (String c : List.of("USD", "EUR", "JPY")) {
                createAccount(new NewAccount("mint-" + c, c, AccountKind.SETTLEMENT, null, 0, Map.of("role", "mint")));
            }
            for (int i = 0; i < 8; i++) {
                createAccount(randomNewAccount());
            }
            for (step = 0; step < steps; step++) {
                try {
                    if (rnd.nextInt(4) == 0) {
                        newBatch();
                    }
                    randomOperation();
                } catch (RuntimeException e) {
                    throw new AssertionError(ctx() + ": the ledger threw " + e, e);
                }
                checkStep();
                if (step % 500 == 499) {
                    fullCheck();
                }
                if (step == steps / 2) {
                    checkpointSnapshot = SnapshotCodec.encode(state);
                    checkpointLogSize = log.size();
                }
            }
            op = "end of round";
            fullCheck();
            determinismCheck();
        }

        // ---------------------------------------------------------------- batches and expiry

        void newBatch() {
            int pick = rnd.nextInt(100);
            long delta;
            if (pick < 60) {
                delta = 1_000_000L + (long) (rnd.nextDouble() * 1_500_000_000L);
            } else if (pick < 78) {
                delta = (1 + rnd.nextInt(120)) * SECOND + rnd.nextInt(1_000_000_000);
            } else if (pick < 86) {
                delta = (200 + rnd.nextInt(600)) * SECOND;
            } else if (pick < 93) {
                delta = -(long) (rnd.nextDouble() * 10 * SECOND); // the wall clock stepped back
                cover("clock:backwards");
            } else {
                delta = 0;
            }
            clock += delta;
            op = "batch at " + clock;
            batchNow = Math.max(clock, state.lastTimestamp() + 1);
            Map<String, TransferView> hits = Map.of();
            if (indexedMode) {
                recent.evictUpTo(state.lastTimestamp());
                hits = new HashMap<>(model.views);
            }
            processor.beginBatch(clock, hits);
            List<String> due = model.openHolds.values().stream().filter(h -> h.expiresAt() <= batchNow)
                    .map(TransferView::id).sorted().toList();
            int expired = processor.expireDue();
            List<LedgerEvent> events = drain();
            assertThat(expired).as(ctx()).isEqualTo(due.size());
            assertThat(events).as(ctx()).hasSize(due.size());
            List<String> expiredIds = new ArrayList<>();
            for (LedgerEvent e : events) {
                if (!(e instanceof PendingResolved r) || r.outcome() != TransferStatus.EXPIRED || r.postedAmount() != 0) {
                    fail(ctx() + ": expiry emitted " + e);
                    return;
                }
                assertThat(r.timestamp()).as(ctx()).isGreaterThanOrEqualTo(batchNow);
                TransferView hold = model.openHolds.get(r.transferId());
                assertThat(hold).as(ctx() + ": expired hold %s is not open in the model", r.transferId()).isNotNull();
                assertThat(hold.expiresAt()).as(ctx()).isLessThanOrEqualTo(batchNow);
                model.resolve(hold, TransferStatus.EXPIRED, 0, r.timestamp());
                expiredIds.add(r.transferId());
                cover("expired");
            }
            assertThat(expiredIds.stream().sorted().toList()).as(ctx()).isEqualTo(due);
        }

        List<LedgerEvent> drain() {
            List<LedgerEvent> events = processor.drainEvents();
            for (LedgerEvent e : events) {
                if (e.timestamp() <= lastEventTs) {
                    fail(ctx() + ": event timestamp " + e.timestamp() + " not after " + lastEventTs + ": " + e);
                }
                if (e.timestamp() < batchNow) {
                    fail(ctx() + ": event timestamp " + e.timestamp() + " before the batch time " + batchNow);
                }
                lastEventTs = e.timestamp();
            }
            log.addAll(events);
            return events;
        }

        // ---------------------------------------------------------------- operations

        void randomOperation() {
            int pick = rnd.nextInt(1000);
            if (pick < 60) {
                createAccount(randomNewAccount());
            } else if (pick < 80) {
                repeatAccount();
            } else if (pick < 400) {
                createTransfers(List.of(randomTransfer()), rnd.nextBoolean());
            } else if (pick < 460) {
                duplicateTransfer(false);
            } else if (pick < 500) {
                duplicateTransfer(true);
            } else if (pick < 640) {
                randomBatch();
            } else if (pick < 750) {
                post();
            } else if (pick < 790) {
                voidHold();
            } else if (pick < 820) {
                resolveSeveral();
            } else if (pick < 900) {
                changeStatus();
            } else if (pick < 920) {
                drainAndClose();
            } else if (pick < 960) {
                exactFit();
            } else {
                lookups();
            }
        }

        NewAccount randomNewAccount() {
            String currency = pickCurrency();
            AccountKind kind = AccountKind.values()[rnd.nextInt(AccountKind.values().length)];
            Boolean noOverdraft = switch (rnd.nextInt(3)) {
                case 0 -> null;
                case 1 -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
            long creditLimit = switch (rnd.nextInt(10)) {
                case 0, 1 -> 1 + rnd.nextInt(1000);
                case 2 -> Long.MAX_VALUE - rnd.nextInt(3);
                case 3 -> Long.MAX_VALUE / 2 + rnd.nextInt(1000);
                default -> 0;
            };
            return new NewAccount("a" + (nextId++), currency, kind, noOverdraft, creditLimit, randomMetadata());
        }

        String pickCurrency() {
            int c = rnd.nextInt(10);
            return c < 5 ? "USD" : c < 8 ? "EUR" : BIG;
        }

        Map<String, String> randomMetadata() {
            return switch (rnd.nextInt(4)) {
                case 0 -> Map.of("k", "v" + rnd.nextInt(3));
                case 1 -> Map.of("order", "o" + rnd.nextInt(100), "note", "");
                default -> Map.of();
            };
        }

        void repeatAccount() {
            if (model.accountRequests.isEmpty()) {
                return;
            }
            NewAccount original = pick(new ArrayList<>(model.accountRequests.values()));
            NewAccount again = switch (rnd.nextInt(8)) {
                // Same body, spelled differently: the default no_overdraft written out is still the same body.
                case 0, 1 -> new NewAccount(original.id(), original.currency(), original.kind(),
                        original.noOverdraft() == null ? (Boolean) original.kind().defaultNoOverdraft() : original.noOverdraft(),
                        original.creditLimit(), original.metadata());
                case 2, 3 -> original;
                case 4 -> new NewAccount(original.id(), original.currency().equals("USD") ? "EUR" : "USD", original.kind(),
                        original.noOverdraft(), original.creditLimit(), original.metadata());
                case 5 -> new NewAccount(original.id(), original.currency(), original.kind(),
                        !original.effectiveNoOverdraft(), original.creditLimit(), original.metadata());
                case 6 -> new NewAccount(original.id(), original.currency(), original.kind(), original.noOverdraft(),
                        original.creditLimit() == Long.MAX_VALUE ? 0 : original.creditLimit() + 1, original.metadata());
                default -> new NewAccount(original.id(), original.currency(), original.kind(), original.noOverdraft(),
                        original.creditLimit(), Map.of("other", "metadata"));
            };
            createAccount(again);
        }

        void createAccount(NewAccount request) {
            op = "createAccount " + request;
            MAccount existing = model.accounts.get(request.id());
            Outcome<AccountView> o = processor.createAccount(request);
            List<LedgerEvent> events = drain();
            if (existing != null) {
                boolean same = existing.currency.equals(request.currency()) && existing.kind == request.kind()
                        && existing.noOverdraft == request.effectiveNoOverdraft()
                        && existing.creditLimit == request.creditLimit() && existing.metadata.equals(request.metadata());
                if (same) {
                    expectReplay(o, existing.view());
                    cover("account:replay");
                } else {
                    expectError(o, ErrorCode.ID_CONFLICT);
                    cover("account:id_conflict");
                }
                assertThat(events).as(ctx()).isEmpty();
                return;
            }
            if (CURRENCIES.stream().noneMatch(c -> c.code().equals(request.currency()))) {
                expectError(o, ErrorCode.UNKNOWN_CURRENCY);
                assertThat(events).as(ctx()).isEmpty();
                return;
            }
            assertThat(o.error()).as(ctx() + " detail=" + o.detail()).isNull();
            assertThat(events).as(ctx()).hasSize(1);
            AccountOpened opened = (AccountOpened) events.getFirst();
            MAccount a = new MAccount(request.id(), request.currency(), request.kind(), request.effectiveNoOverdraft(),
                    request.creditLimit(), request.metadata(), opened.timestamp());
            assertThat(opened).as(ctx()).isEqualTo(new AccountOpened(opened.timestamp(), a.id, a.currency, a.kind,
                    a.noOverdraft, a.creditLimit, a.metadata));
            model.accounts.put(a.id, a);
            model.accountRequests.put(a.id, request);
            assertThat(o.value()).as(ctx()).isEqualTo(a.view());
            assertThat(o.replayed()).as(ctx()).isFalse();
        }

        NewTransfer randomTransfer() {
            return randomTransfer(false);
        }

        /** A random transfer; {@code clean} ones avoid the deliberate mistakes (for batches meant to commit). */
        NewTransfer randomTransfer(boolean clean) {
            List<MAccount> all = new ArrayList<>(model.accounts.values());
            List<MAccount> open = all.stream().filter(a -> a.status == AccountStatus.OPEN).toList();
            MAccount debit = rnd.nextInt(4) == 0 ? model.accounts.get("mint-" + pickCurrency())
                    : open.isEmpty() || (!clean && rnd.nextInt(7) == 0) ? pick(all) : pick(open);
            String currency = debit.currency;
            List<MAccount> candidates = (clean || rnd.nextInt(7) != 0 ? open : all).stream()
                    .filter(a -> a.currency.equals(currency) && a != debit).toList();
            String debitId = debit.id;
            String creditId = candidates.isEmpty() ? "mint-" + currency : pick(candidates).id;
            int twist = clean ? 100 : rnd.nextInt(100);
            if (twist < 3) {
                creditId = "nobody-" + rnd.nextInt(5);
            } else if (twist < 5) {
                debitId = "nobody-" + rnd.nextInt(5);
            } else if (twist < 8) {
                creditId = debitId;
            } else if (twist < 12) {
                MAccount other = pick(all);
                creditId = other.id.equals(debitId) ? creditId : other.id; // often another currency
            }
            String txCurrency = twist >= 12 && twist < 14 ? "GBP" : currency;
            long amount = clean ? 1 + rnd.nextInt(100) : randomAmount(debit, txCurrency);
            long timeout = rnd.nextInt(10) < 3 ? randomTimeout() : 0;
            String code = rnd.nextInt(5) == 0 ? "c" + rnd.nextInt(4) : null;
            String reference = rnd.nextInt(10) == 0 && !model.views.isEmpty() ? pick(new ArrayList<>(model.views.keySet())) : null;
            return new NewTransfer("t" + (nextId++), debitId, creditId, amount, txCurrency, code, reference,
                    randomMetadata(), timeout);
        }

        long randomTimeout() {
            return rnd.nextInt(3) == 0 ? 60 + rnd.nextInt(900) : 1 + rnd.nextInt(60);
        }

        long randomAmount(MAccount debit, String currency) {
            int pick = rnd.nextInt(100);
            if (currency.equals(BIG) && pick < 35) {
                return switch (rnd.nextInt(4)) {
                    case 0 -> Long.MAX_VALUE - rnd.nextInt(1000);
                    case 1 -> Long.MAX_VALUE / 2 + rnd.nextInt(1000);
                    case 2 -> Long.MAX_VALUE / 3;
                    default -> Long.MAX_VALUE;
                };
            }
            long headroom = debit.headroom();
            if (headroom > 1_000_000_000_000L && !currency.equals(BIG)) {
                headroom = -1; // unlimited or nearly: spending it all would only saturate USD or EUR for the round
            }
            if (pick < 45) {
                return 1 + rnd.nextInt(1000);
            } else if (pick < 65) {
                return 1 + rnd.nextInt(1_000_000);
            } else if (pick < 80 && headroom > 0) {
                return headroom; // exactly what a no-overdraft account can still spend
            } else if (pick < 90 && headroom >= 0 && headroom < Long.MAX_VALUE) {
                return headroom + 1;
            }
            return 1 + rnd.nextInt(100);
        }

        void duplicateTransfer(boolean conflicting) {
            if (model.requests.isEmpty()) {
                return;
            }
            NewTransfer t = pick(new ArrayList<>(model.requests.values()));
            if (conflicting) {
                t = switch (rnd.nextInt(5)) {
                    case 0 -> new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(), t.amount() == 1 ? 2 : t.amount() - 1,
                            t.currency(), t.code(), t.reference(), t.metadata(), t.pendingTimeoutS());
                    case 1 -> new NewTransfer(t.id(), t.creditAccount(), t.debitAccount(), t.amount(), t.currency(), t.code(),
                            t.reference(), t.metadata(), t.pendingTimeoutS());
                    case 2 -> new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(),
                            t.code() == null ? "changed" : null, t.reference(), t.metadata(), t.pendingTimeoutS());
                    case 3 -> new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(), t.code(),
                            t.reference(), Map.of("changed", "yes"), t.pendingTimeoutS());
                    default -> new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(), t.code(),
                            t.reference(), t.metadata(), t.pendingTimeoutS() == 0 ? 30 : 0);
                };
            }
            createTransfers(List.of(t), rnd.nextBoolean());
        }

        void randomBatch() {
            int n = 2 + rnd.nextInt(6);
            boolean clean = rnd.nextInt(5) < 3;
            List<NewTransfer> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int kind = clean ? 3 + rnd.nextInt(17) : rnd.nextInt(20);
                if (kind == 0 && !batch.isEmpty()) {
                    batch.add(batch.get(rnd.nextInt(batch.size()))); // the same transfer twice in one batch
                } else if (kind == 1 && !batch.isEmpty()) {
                    NewTransfer t = batch.get(rnd.nextInt(batch.size())); // same id, other body, same batch
                    batch.add(new NewTransfer(t.id(), t.debitAccount(), t.creditAccount(),
                            t.amount() == Long.MAX_VALUE ? 1 : t.amount() + 1, t.currency(),
                            t.code(), t.reference(), t.metadata(), t.pendingTimeoutS()));
                } else if (kind == 2 && !model.requests.isEmpty()) {
                    batch.add(pick(new ArrayList<>(model.requests.values()))); // already committed: replay
                } else {
                    batch.add(randomTransfer(clean));
                }
            }
            createTransfers(batch, rnd.nextBoolean());
        }

        /** Spends exactly a no-overdraft account's headroom, then one unit more (must be refused). */
        void exactFit() {
            List<MAccount> limited = model.accounts.values().stream()
                    .filter(a -> a.noOverdraft && a.status == AccountStatus.OPEN && a.headroom() > 0
                            && a.headroom() < 1_000_000_000_000L && !a.currency.equals(BIG))
                    .toList();
            if (limited.isEmpty()) {
                return;
            }
            MAccount a = pick(limited);
            MAccount sink = model.accounts.get("mint-" + a.currency);
            if (sink.status != AccountStatus.OPEN) {
                return;
            }
            long headroom = a.headroom();
            boolean fits = rnd.nextBoolean();
            NewTransfer t = new NewTransfer("t" + (nextId++), a.id, sink.id, headroom, a.currency, null, null, Map.of(),
                    rnd.nextBoolean() ? 0 : randomTimeout());
            Outcome<TransferView> first = createTransfers(List.of(t), false).getFirst();
            assertThat(first.isOk()).as(ctx() + " exact headroom " + headroom + " refused: " + first.detail()).isTrue();
            cover("no_overdraft:exact_fit");
            if (fits) {
                NewTransfer more = NewTransfer.simple("t" + (nextId++), a.id, sink.id, 1, a.currency);
                assertThat(createTransfers(List.of(more), false).getFirst().error()).as(ctx())
                        .isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
            }
        }

        /** Executes a batch in the ledger and walks the model through it; compares every result and event. */
        List<Outcome<TransferView>> createTransfers(List<NewTransfer> batch, boolean atomic) {
            op = (atomic ? "atomic " : "loose ") + batch;
            // An atomic batch's holds count their deadline from its first timestamp, so they expire together.
            long batchStart = Math.max(batchNow, state.lastTimestamp() + 1);
            List<Outcome<TransferView>> results = processor.createTransfers(batch, atomic);
            List<LedgerEvent> events = drain();
            assertThat(results).as(ctx()).hasSize(batch.size());
            List<Object> expected = new ArrayList<>(); // ErrorCode, Replay, or the committed TransferView
            List<TransferView> applied = new ArrayList<>();
            boolean anyFailed = false;
            for (int i = 0; i < batch.size(); i++) {
                NewTransfer t = batch.get(i);
                Object p = model.predict(t);
                if (p instanceof ErrorCode code) {
                    anyFailed = true;
                    expected.add(code);
                } else if (p instanceof TransferView existing) {
                    expected.add(new Replay(existing));
                } else {
                    Outcome<TransferView> actual = results.get(i);
                    TransferView view;
                    if (actual.isOk() && !actual.replayed()) {
                        view = actual.value();
                        long ts = view.timestamp();
                        TransferView wanted = new TransferView(t.id(), t.debitAccount(), t.creditAccount(), t.amount(),
                                t.currency(), t.code(), t.reference(), t.metadata(), t.pendingTimeoutS(), ts,
                                t.isPending() ? TransferStatus.PENDING : TransferStatus.POSTED,
                                t.isPending() ? 0 : t.amount(),
                                t.isPending() ? (atomic ? batchStart : ts) + t.pendingTimeoutS() * SECOND : 0, 0);
                        assertThat(view).as(ctx() + " member " + i).isEqualTo(wanted);
                    } else if (atomic) {
                        // Rolled back, so never seen: a placeholder is enough for the later members' predictions.
                        view = new TransferView(t.id(), t.debitAccount(), t.creditAccount(), t.amount(), t.currency(),
                                t.code(), t.reference(), t.metadata(), t.pendingTimeoutS(), -1,
                                t.isPending() ? TransferStatus.PENDING : TransferStatus.POSTED,
                                t.isPending() ? 0 : t.amount(), Long.MAX_VALUE, 0);
                    } else {
                        fail(ctx() + ": member " + i + " should have committed but got " + actual);
                        return results;
                    }
                    model.commit(t, view);
                    applied.add(view);
                    expected.add(view);
                }
            }
            boolean rolledBack = atomic && anyFailed;
            if (rolledBack) {
                for (int i = applied.size() - 1; i >= 0; i--) {
                    model.undo(applied.get(i));
                }
                cover("atomic:rolled_back");
            } else if (atomic && batch.size() > 1) {
                cover("atomic:committed");
            } else if (!atomic && anyFailed && !applied.isEmpty()) {
                cover("loose:mixed");
            }
            List<LedgerEvent> wantedEvents = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Outcome<TransferView> actual = results.get(i);
                Object want = expected.get(i);
                String member = ctx() + " member " + i + " -> " + actual;
                if (want instanceof ErrorCode code) {
                    assertThat(actual.error()).as(member).isEqualTo(code);
                    cover("transfer:" + code.code());
                } else if (rolledBack) {
                    assertThat(actual.error()).as(member).isEqualTo(ErrorCode.LINKED_TRANSFER_FAILED);
                } else if (want instanceof Replay(TransferView existing)) {
                    assertThat(actual.replayed()).as(member).isTrue();
                    assertThat(actual.value()).as(member).isEqualTo(existing);
                    cover("transfer:replay");
                } else {
                    assertThat(actual.isOk() && !actual.replayed()).as(member).isTrue();
                    wantedEvents.add(new TransferCommitted((TransferView) want));
                    cover("transfer:ok");
                    if (((TransferView) want).status() == TransferStatus.PENDING) {
                        cover("hold:ok");
                    }
                }
            }
            assertThat(events).as(ctx() + ": events of this batch").isEqualTo(wantedEvents);
            return results;
        }

        void post() {
            String id = pickHoldId();
            long amount;
            TransferView v = model.views.get(id);
            int pick = rnd.nextInt(100);
            if (v == null || pick < 35) {
                amount = 0;
            } else if (pick < 65) {
                amount = 1 + (long) (rnd.nextDouble() * v.amount());
                amount = Math.min(amount, v.amount());
            } else if (pick < 75) {
                amount = v.amount();
            } else if (pick < 85) {
                amount = v.amount() == Long.MAX_VALUE ? Long.MAX_VALUE : v.amount() + 1 + rnd.nextInt(10);
            } else if (pick < 90) {
                amount = -1 - rnd.nextInt(5);
            } else {
                amount = v.postedAmount();
            }
            op = "post " + id + " amount=" + amount;
            Object p = model.predictResolve(id, TransferStatus.POSTED, amount);
            Outcome<TransferView> o = processor.post(id, amount);
            checkResolution(o, p, TransferStatus.POSTED, "post");
        }

        void voidHold() {
            String id = pickHoldId();
            op = "void " + id;
            Object p = model.predictResolve(id, TransferStatus.VOIDED, 0);
            Outcome<TransferView> o = processor.voidHold(id);
            checkResolution(o, p, TransferStatus.VOIDED, "void");
        }

        /** Posts or voids 1..4 distinct holds atomically: all resolve, or none does and the refusals say why. */
        void resolveSeveral() {
            TransferStatus wanted = rnd.nextBoolean() ? TransferStatus.POSTED : TransferStatus.VOIDED;
            java.util.LinkedHashSet<String> picked = new java.util.LinkedHashSet<>();
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                picked.add(rnd.nextInt(3) == 0 || model.openHolds.isEmpty() ? pickHoldId()
                        : pick(new ArrayList<>(model.openHolds.keySet())));
            }
            List<String> ids = List.copyOf(picked);
            op = "resolveAll " + wanted + " " + ids;
            List<Object> predictions = ids.stream().map(id -> model.predictResolve(id, wanted, 0)).toList();
            boolean anyFails = predictions.stream().anyMatch(p -> p instanceof ErrorCode);
            List<Outcome<TransferView>> results = processor.resolveAll(ids, wanted == TransferStatus.POSTED);
            List<LedgerEvent> events = drain();
            assertThat(results).as(ctx()).hasSize(ids.size());
            if (anyFails) {
                assertThat(events).as(ctx() + ": a refused atomic resolution journals nothing").isEmpty();
                for (int i = 0; i < ids.size(); i++) {
                    ErrorCode want = predictions.get(i) instanceof ErrorCode code ? code : ErrorCode.LINKED_TRANSFER_FAILED;
                    expectError(results.get(i), want);
                }
                cover(ids.size() > 1 && predictions.stream().anyMatch(p -> p instanceof Resolution)
                        ? "resolve_all:rolled_back" : "resolve_all:refused");
                return;
            }
            int e = 0;
            for (int i = 0; i < ids.size(); i++) {
                switch (predictions.get(i)) {
                    case Replay(TransferView existing) -> expectReplay(results.get(i), existing);
                    case Resolution(TransferView hold, long posted) -> {
                        PendingResolved r = (PendingResolved) events.get(e++);
                        assertThat(r).as(ctx()).isEqualTo(new PendingResolved(r.timestamp(), hold.id(), wanted, posted));
                        assertThat(results.get(i).value()).as(ctx()).isEqualTo(model.resolve(hold, wanted, posted, r.timestamp()));
                    }
                    default -> fail(ctx() + ": bad prediction " + predictions.get(i));
                }
            }
            assertThat(events).as(ctx()).hasSize(e);
            cover(ids.size() > 1 ? "resolve_all:committed" : "resolve_all:single");
        }

        void checkResolution(Outcome<TransferView> o, Object prediction, TransferStatus outcome, String kind) {
            List<LedgerEvent> events = drain();
            switch (prediction) {
                case ErrorCode code -> {
                    expectError(o, code);
                    assertThat(events).as(ctx()).isEmpty();
                    cover(kind + ":" + code.code());
                }
                case Replay(TransferView existing) -> {
                    expectReplay(o, existing);
                    assertThat(events).as(ctx()).isEmpty();
                    cover(kind + ":replay");
                }
                case Resolution(TransferView hold, long posted) -> {
                    assertThat(o.error()).as(ctx() + " detail=" + o.detail()).isNull();
                    assertThat(events).as(ctx()).hasSize(1);
                    PendingResolved r = (PendingResolved) events.getFirst();
                    assertThat(r).as(ctx()).isEqualTo(new PendingResolved(r.timestamp(), hold.id(), outcome, posted));
                    TransferView done = model.resolve(hold, outcome, posted, r.timestamp());
                    assertThat(o.value()).as(ctx()).isEqualTo(done);
                    assertThat(o.replayed()).as(ctx()).isFalse();
                    cover(kind + ":" + (outcome == TransferStatus.VOIDED ? "ok" : posted == hold.amount() ? "full" : "partial"));
                }
                default -> fail(ctx() + ": bad prediction " + prediction);
            }
        }

        String pickHoldId() {
            int pick = rnd.nextInt(100);
            if (pick < 55 && !model.openHolds.isEmpty()) {
                return pick(new ArrayList<>(model.openHolds.keySet()));
            }
            if (pick < 85 && !model.resolvedHolds.isEmpty()) {
                return pick(model.resolvedHolds);
            }
            if (pick < 95 && !model.views.isEmpty()) {
                return pick(new ArrayList<>(model.views.keySet()));
            }
            return "t-unknown-" + rnd.nextInt(3);
        }

        void changeStatus() {
            String id = model.accounts.isEmpty() || rnd.nextInt(30) == 0 ? "nobody"
                    : pick(new ArrayList<>(model.accounts.keySet()));
            if (id.startsWith("mint-") && rnd.nextInt(4) != 0) {
                return; // keep the mints mostly usable
            }
            int pick = rnd.nextInt(10);
            AccountStatus target = pick < 4 ? AccountStatus.FROZEN : pick < 9 ? AccountStatus.OPEN : AccountStatus.CLOSED;
            changeStatus(id, target);
        }

        void changeStatus(String id, AccountStatus target) {
            op = "status " + id + " -> " + target;
            MAccount a = model.accounts.get(id);
            Outcome<AccountView> o = processor.changeStatus(id, target);
            List<LedgerEvent> events = drain();
            ErrorCode want = null;
            if (a == null) {
                want = ErrorCode.NOT_FOUND;
            } else if (a.status == target) {
                expectReplay(o, a.view());
                assertThat(events).as(ctx()).isEmpty();
                return;
            } else if (a.status == AccountStatus.CLOSED) {
                want = ErrorCode.ACCOUNT_CLOSED;
            } else if (target == AccountStatus.CLOSED && !(a.dpend == 0 && a.cpend == 0 && a.dp == a.cp)) {
                want = ErrorCode.ACCOUNT_NOT_EMPTY;
            }
            if (want != null) {
                expectError(o, want);
                assertThat(events).as(ctx()).isEmpty();
                cover("status:" + want.code());
                return;
            }
            assertThat(o.error()).as(ctx() + " detail=" + o.detail()).isNull();
            assertThat(events).as(ctx()).hasSize(1);
            assertThat(events.getFirst()).as(ctx()).isEqualTo(new AccountStatusChanged(events.getFirst().timestamp(), id, target));
            a.status = target;
            assertThat(o.value()).as(ctx()).isEqualTo(a.view());
            cover("status:" + target.wire());
        }

        /** Brings an account to zero (sending or receiving through its mint) and closes it. */
        void drainAndClose() {
            List<MAccount> candidates = model.accounts.values().stream()
                    .filter(a -> !a.id.startsWith("mint-") && a.status == AccountStatus.OPEN && a.dpend == 0 && a.cpend == 0)
                    .toList();
            if (candidates.isEmpty()) {
                return;
            }
            MAccount a = pick(candidates);
            MAccount mint = model.accounts.get("mint-" + a.currency);
            long balance = a.cp - a.dp;
            if (balance != 0 && mint.status == AccountStatus.OPEN) {
                NewTransfer t = balance > 0
                        ? NewTransfer.simple("t" + (nextId++), a.id, mint.id, balance, a.currency)
                        : NewTransfer.simple("t" + (nextId++), mint.id, a.id, -balance, a.currency);
                createTransfers(List.of(t), false);
            }
            changeStatus(a.id, AccountStatus.CLOSED);
        }

        void lookups() {
            op = "lookups";
            for (int i = 0; i < 3 && !model.views.isEmpty(); i++) {
                String id = pick(new ArrayList<>(model.views.keySet()));
                assertThat(processor.lookupTransfer(id)).as(ctx()).isEqualTo(Outcome.ok(model.views.get(id)));
            }
            assertThat(processor.lookupTransfer("t-unknown").error()).as(ctx()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(processor.lookupAccount("nobody").error()).as(ctx()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(drain()).as(ctx()).isEmpty();
        }

        // ---------------------------------------------------------------- checks

        void expectError(Outcome<?> o, ErrorCode code) {
            assertThat(o.error()).as(ctx() + " -> " + o).isEqualTo(code);
        }

        void expectReplay(Outcome<?> o, Object value) {
            assertThat(o.error()).as(ctx() + " -> " + o).isNull();
            assertThat(o.replayed()).as(ctx() + " -> " + o).isTrue();
            assertThat(o.value()).as(ctx()).isEqualTo(value);
        }

        /** After every command: the ledger's own checks, the model's conservation, and every balance. */
        void checkStep() {
            String totals = state.checkTotals();
            if (totals != null) {
                fail(ctx() + ": checkTotals: " + totals);
            }
            String reconcile = state.reconcileAccounts();
            if (reconcile != null) {
                fail(ctx() + ": reconcileAccounts: " + reconcile);
            }
            Map<String, BigInteger[]> sums = new HashMap<>();
            for (MAccount a : model.accounts.values()) {
                AccountView actual = state.accountView(a.id);
                AccountView expected = a.view();
                if (!expected.equals(actual)) {
                    fail(ctx() + ": account differs from the model\n  ledger: " + actual + "\n  model:  " + expected);
                }
                BigInteger[] s = sums.computeIfAbsent(a.currency, c -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO,
                        BigInteger.ZERO, BigInteger.ZERO});
                s[0] = s[0].add(BigInteger.valueOf(actual.debitsPosted()));
                s[1] = s[1].add(BigInteger.valueOf(actual.creditsPosted()));
                s[2] = s[2].add(BigInteger.valueOf(actual.debitsPending()));
                s[3] = s[3].add(BigInteger.valueOf(actual.creditsPending()));
                if (actual.noOverdraft()) {
                    BigInteger committed = BigInteger.valueOf(actual.debitsPosted()).add(BigInteger.valueOf(actual.debitsPending()));
                    BigInteger allowed = BigInteger.valueOf(actual.creditsPosted()).add(BigInteger.valueOf(actual.creditLimit()));
                    if (committed.compareTo(allowed) > 0) {
                        fail(ctx() + ": no-overdraft account overdrawn: " + actual);
                    }
                }
                if (actual.debitsPosted() < 0 || actual.creditsPosted() < 0 || actual.debitsPending() < 0 || actual.creditsPending() < 0) {
                    fail(ctx() + ": negative running total: " + actual);
                }
            }
            for (Map.Entry<String, BigInteger[]> e : sums.entrySet()) {
                BigInteger[] s = e.getValue();
                if (!s[0].equals(s[1]) || !s[2].equals(s[3])) {
                    fail(ctx() + ": " + e.getKey() + " does not conserve: " + Arrays.toString(s));
                }
            }
            if (state.pendingCount() != model.openHolds.size() || state.accountCount() != model.accounts.size()) {
                fail(ctx() + ": counts differ: holds " + state.pendingCount() + " vs " + model.openHolds.size()
                        + ", accounts " + state.accountCount() + " vs " + model.accounts.size());
            }
            if (state.transfersCommitted() != model.views.size()) {
                fail(ctx() + ": transfersCommitted " + state.transfersCommitted() + " vs model " + model.views.size());
            }
        }

        /** Every transfer and hold as the ledger reports it equals the model's. */
        void fullCheck() {
            for (TransferView v : model.views.values()) {
                Outcome<TransferView> found = processor.lookupTransfer(v.id());
                if (!Outcome.ok(v).equals(found)) {
                    fail(ctx() + ": transfer differs\n  ledger: " + found + "\n  model:  " + v);
                }
                TransferView open = state.openHold(v.id());
                if (v.status() == TransferStatus.PENDING ? !v.equals(open) : open != null) {
                    fail(ctx() + ": open-hold table disagrees for " + v + ": " + open);
                }
            }
            assertThat(drain()).as(ctx()).isEmpty();
        }

        /** Replaying what was emitted rebuilds exactly the same state (bar the clock, see below). */
        void determinismCheck() {
            byte[] live = SnapshotCodec.encode(state);
            LedgerState replayed = new LedgerState(CURRENCIES);
            for (LedgerEvent e : log) {
                replayed.apply(e);
            }
            byte[] fromEvents = SnapshotCodec.encode(replayed);
            // The first 8 bytes are the ledger clock: a rolled-back atomic batch used timestamps that were never
            // journaled, so the live clock may be ahead of the replayed one, never behind.
            assertThat(Arrays.equals(live, 8, live.length, fromEvents, 8, fromEvents.length))
                    .as(ctx() + ": replayed state's snapshot differs from the live state's").isTrue();
            assertThat(replayed.lastTimestamp()).as(ctx()).isLessThanOrEqualTo(state.lastTimestamp())
                    .isEqualTo(log.isEmpty() ? 0 : log.getLast().timestamp());
            assertThat(replayed.checkTotals()).as(ctx()).isNull();
            assertThat(replayed.reconcileAccounts()).as(ctx()).isNull();

            // The journal's binary form of the events replays to the same state too.
            ByteSink sink = new ByteSink(1 << 16);
            for (LedgerEvent e : log) {
                EventCodec.encode(e, sink);
            }
            List<LedgerEvent> decoded = EventCodec.decodeAll(ByteBuffer.wrap(sink.toByteArray()), log.size());
            assertThat(decoded).as(ctx() + ": event codec round trip").isEqualTo(log);

            // A snapshot decodes to a state that encodes to the same bytes.
            LedgerState restored = SnapshotCodec.decode(ByteBuffer.wrap(live), CURRENCIES);
            assertThat(SnapshotCodec.encode(restored)).as(ctx() + ": snapshot round trip").isEqualTo(live);

            // Recovery in miniature: the mid-round snapshot plus the events after it gives the same state.
            if (checkpointSnapshot != null) {
                LedgerState recovered = SnapshotCodec.decode(ByteBuffer.wrap(checkpointSnapshot), CURRENCIES);
                for (LedgerEvent e : log.subList(checkpointLogSize, log.size())) {
                    recovered.apply(e);
                }
                byte[] r = SnapshotCodec.encode(recovered);
                assertThat(Arrays.equals(live, 8, live.length, r, 8, r.length))
                        .as(ctx() + ": snapshot + replay differs from the live state").isTrue();
            }
        }

        <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }
    }

    record Replay(TransferView existing) {
    }

    record Resolution(TransferView hold, long posted) {
    }

    /** The reference model: plain maps and longs, written from the specification, sharing no code with the ledger. */
    static final class MAccount {
        final String id;
        final String currency;
        final AccountKind kind;
        final boolean noOverdraft;
        final long creditLimit;
        final Map<String, String> metadata;
        final long createdAt;
        AccountStatus status = AccountStatus.OPEN;
        long dp;
        long cp;
        long dpend;
        long cpend;

        MAccount(String id, String currency, AccountKind kind, boolean noOverdraft, long creditLimit,
                 Map<String, String> metadata, long createdAt) {
            this.id = id;
            this.currency = currency;
            this.kind = kind;
            this.noOverdraft = noOverdraft;
            this.creditLimit = creditLimit;
            this.metadata = metadata;
            this.createdAt = createdAt;
        }

        AccountView view() {
            return new AccountView(id, currency, kind, noOverdraft, creditLimit, metadata, status, dp, cp, dpend, cpend, createdAt);
        }

        /** How much more this account may be debited (Long.MAX_VALUE when unlimited or beyond 64 bits). */
        long headroom() {
            if (!noOverdraft) {
                return Long.MAX_VALUE;
            }
            BigInteger room = BigInteger.valueOf(cp).add(BigInteger.valueOf(creditLimit))
                    .subtract(BigInteger.valueOf(dp)).subtract(BigInteger.valueOf(dpend));
            return room.min(MAX).longValueExact();
        }
    }

    static final class Model {
        final Map<String, MAccount> accounts = new LinkedHashMap<>();
        final Map<String, NewAccount> accountRequests = new LinkedHashMap<>();
        final Map<String, NewTransfer> requests = new LinkedHashMap<>();
        final Map<String, TransferView> views = new LinkedHashMap<>();
        final Map<String, TransferView> openHolds = new LinkedHashMap<>();
        final List<String> resolvedHolds = new ArrayList<>();

        static BigInteger big(long v) {
            return BigInteger.valueOf(v);
        }

        /** The refusal code, the existing transfer (an idempotent repeat), or null: it commits. */
        Object predict(NewTransfer t) {
            TransferView existing = views.get(t.id());
            if (existing != null) {
                return requests.get(t.id()).equals(t) ? existing : ErrorCode.ID_CONFLICT;
            }
            if (CURRENCIES.stream().noneMatch(c -> c.code().equals(t.currency()))) {
                return ErrorCode.UNKNOWN_CURRENCY;
            }
            if (t.debitAccount().equals(t.creditAccount())) {
                return ErrorCode.SAME_ACCOUNT;
            }
            MAccount debit = accounts.get(t.debitAccount());
            MAccount credit = accounts.get(t.creditAccount());
            if (debit == null || credit == null) {
                return ErrorCode.NOT_FOUND;
            }
            if (!debit.currency.equals(t.currency()) || !credit.currency.equals(t.currency())) {
                return ErrorCode.CURRENCY_MISMATCH;
            }
            for (MAccount a : List.of(debit, credit)) {
                if (a.status == AccountStatus.CLOSED) {
                    return ErrorCode.ACCOUNT_CLOSED;
                }
                if (a.status == AccountStatus.FROZEN) {
                    return ErrorCode.ACCOUNT_FROZEN;
                }
            }
            BigInteger amount = big(t.amount());
            if (big(debit.dp).add(big(debit.dpend)).add(amount).compareTo(MAX) > 0
                    || big(credit.cp).add(big(credit.cpend)).add(amount).compareTo(MAX) > 0) {
                return ErrorCode.OVERFLOW;
            }
            if (debit.noOverdraft && big(debit.dp).add(big(debit.dpend)).add(amount)
                    .compareTo(big(debit.cp).add(big(debit.creditLimit))) > 0) {
                return ErrorCode.INSUFFICIENT_FUNDS;
            }
            return null;
        }

        void commit(NewTransfer t, TransferView v) {
            MAccount debit = accounts.get(v.debitAccount());
            MAccount credit = accounts.get(v.creditAccount());
            if (v.status() == TransferStatus.PENDING) {
                debit.dpend = Math.addExact(debit.dpend, v.amount());
                credit.cpend = Math.addExact(credit.cpend, v.amount());
                openHolds.put(v.id(), v);
            } else {
                debit.dp = Math.addExact(debit.dp, v.amount());
                credit.cp = Math.addExact(credit.cp, v.amount());
            }
            requests.put(v.id(), t);
            views.put(v.id(), v);
        }

        void undo(TransferView v) {
            MAccount debit = accounts.get(v.debitAccount());
            MAccount credit = accounts.get(v.creditAccount());
            if (v.status() == TransferStatus.PENDING) {
                debit.dpend -= v.amount();
                credit.cpend -= v.amount();
                openHolds.remove(v.id());
            } else {
                debit.dp -= v.amount();
                credit.cp -= v.amount();
            }
            requests.remove(v.id());
            views.remove(v.id());
        }

        /** The refusal code, a {@link Replay}, or a {@link Resolution} to apply. */
        Object predictResolve(String id, TransferStatus wanted, long amount) {
            if (wanted == TransferStatus.POSTED && amount < 0) {
                return ErrorCode.INVALID_REQUEST;
            }
            TransferView hold = openHolds.get(id);
            if (hold == null) {
                TransferView v = views.get(id);
                if (v == null) {
                    return ErrorCode.NOT_FOUND;
                }
                if (v.pendingTimeoutS() == 0) {
                    return ErrorCode.NOT_PENDING;
                }
                if (v.status() == wanted && (wanted != TransferStatus.POSTED || amount == 0 || amount == v.postedAmount())) {
                    return new Replay(v);
                }
                return switch (v.status()) {
                    case POSTED -> ErrorCode.ALREADY_POSTED;
                    case VOIDED -> ErrorCode.ALREADY_VOIDED;
                    case EXPIRED -> ErrorCode.PENDING_EXPIRED;
                    case PENDING -> throw new IllegalStateException("model: pending hold " + id + " not open");
                };
            }
            if (wanted == TransferStatus.VOIDED) {
                return new Resolution(hold, 0);
            }
            long posted = amount == 0 ? hold.amount() : amount;
            if (posted > hold.amount()) {
                return ErrorCode.EXCEEDS_PENDING_AMOUNT;
            }
            for (MAccount a : List.of(accounts.get(hold.debitAccount()), accounts.get(hold.creditAccount()))) {
                if (a.status == AccountStatus.CLOSED) {
                    return ErrorCode.ACCOUNT_CLOSED;
                }
                if (a.status == AccountStatus.FROZEN) {
                    return ErrorCode.ACCOUNT_FROZEN;
                }
            }
            return new Resolution(hold, posted);
        }

        TransferView resolve(TransferView hold, TransferStatus outcome, long posted, long at) {
            MAccount debit = accounts.get(hold.debitAccount());
            MAccount credit = accounts.get(hold.creditAccount());
            debit.dpend -= hold.amount();
            credit.cpend -= hold.amount();
            debit.dp = Math.addExact(debit.dp, posted);
            credit.cp = Math.addExact(credit.cp, posted);
            TransferView done = new TransferView(hold.id(), hold.debitAccount(), hold.creditAccount(), hold.amount(),
                    hold.currency(), hold.code(), hold.reference(), hold.metadata(), hold.pendingTimeoutS(),
                    hold.timestamp(), outcome, posted, hold.expiresAt(), at);
            openHolds.remove(hold.id());
            views.put(hold.id(), done);
            resolvedHolds.add(hold.id());
            return done;
        }
    }

    /**
     * A fixed scenario that pins the overflow rule down exactly. Each account's running totals are its
     * exact lifetime turnover, so a transfer that would push one past Long.MAX_VALUE is refused with
     * {@code overflow} and changes nothing; releasing a hold gives its capacity back. A currency's
     * turnover across accounts may exceed Long.MAX_VALUE: its totals add modulo 2^64 and still balance.
     */
    @Test
    void overflowIsRefusedNeverWrapped() {
        LedgerState state = new LedgerState(CURRENCIES);
        CommandProcessor p = new CommandProcessor(state, new RecentTransfers(), () -> false);
        p.beginBatch(START, Map.of());
        p.createAccount(new NewAccount("mint", "JPY", AccountKind.SETTLEMENT, null, 0, Map.of())).orThrow();
        p.createAccount(new NewAccount("w", "JPY", AccountKind.WALLET, null, 0, Map.of())).orThrow();
        p.createAccount(new NewAccount("m", "JPY", AccountKind.MERCHANT, null, 0, Map.of())).orThrow();
        assertThat(one(p, NewTransfer.simple("big", "mint", "w", Long.MAX_VALUE - 2, "JPY")).isOk()).isTrue();
        assertThat(one(p, NewTransfer.simple("one", "mint", "m", 1, "JPY")).isOk()).isTrue();
        NewTransfer hold = new NewTransfer("hold", "mint", "m", 1, "JPY", null, null, Map.of(), 60);
        assertThat(one(p, hold).isOk()).isTrue();
        byte[] before = SnapshotCodec.encode(state);
        assertThat(one(p, NewTransfer.simple("wrap", "mint", "m", 1, "JPY")).error()).isEqualTo(ErrorCode.OVERFLOW);
        assertThat(one(p, NewTransfer.simple("max", "mint", "m", Long.MAX_VALUE, "JPY")).error()).isEqualTo(ErrorCode.OVERFLOW);
        assertThat(p.drainEvents()).hasSize(6);
        assertThat(SnapshotCodec.encode(state)).as("refusals change nothing").isEqualTo(before);
        assertThat(p.voidHold("hold").isOk()).isTrue();
        assertThat(one(p, NewTransfer.simple("fits-again", "mint", "m", 1, "JPY")).isOk()).isTrue();
        assertThat(state.accountView("m").creditsPosted()).isEqualTo(2);

        // Currency-wide turnover past Long.MAX_VALUE: accounts stay exact, totals still balance.
        p.createAccount(new NewAccount("mint2", "JPY", AccountKind.SETTLEMENT, null, 0, Map.of())).orThrow();
        p.createAccount(new NewAccount("m2", "JPY", AccountKind.MERCHANT, null, 0, Map.of())).orThrow();
        assertThat(one(p, NewTransfer.simple("big2", "mint2", "m2", Long.MAX_VALUE - 2, "JPY")).isOk()).isTrue();
        assertThat(one(p, NewTransfer.simple("move", "w", "m", 1_000, "JPY")).isOk()).isTrue();
        assertThat(state.accountView("m2").balance()).isEqualTo(Long.MAX_VALUE - 2);
        assertThat(state.checkTotals()).isNull();
        assertThat(state.reconcileAccounts()).isNull();
        p.drainEvents();
    }

    static Outcome<TransferView> one(CommandProcessor p, NewTransfer t) {
        return p.createTransfers(List.of(t), false).getFirst();
    }

    /** A no-overdraft account with a credit limit near Long.MAX_VALUE can still be credited and debited. */
    @Test
    void hugeCreditLimitNeitherWrapsNorLocksTheAccount() {
        LedgerState state = new LedgerState(CURRENCIES);
        CommandProcessor p = new CommandProcessor(state, new RecentTransfers(), () -> false);
        p.beginBatch(START, Map.of());
        p.createAccount(new NewAccount("mint", "USD", AccountKind.SETTLEMENT, null, 0, Map.of())).orThrow();
        p.createAccount(new NewAccount("w", "USD", AccountKind.WALLET, null, Long.MAX_VALUE, Map.of())).orThrow();
        Outcome<TransferView> credit = p.createTransfers(List.of(NewTransfer.simple("in", "mint", "w", 5, "USD")), false).getFirst();
        assertThat(credit.error()).as(String.valueOf(credit.detail())).isNull();
        Outcome<TransferView> debit = p.createTransfers(List.of(NewTransfer.simple("out", "w", "mint", 1_000, "USD")), false).getFirst();
        assertThat(debit.error()).as(String.valueOf(debit.detail())).isNull();
        AccountView w = state.accountView("w");
        assertThat(w.balance()).isEqualTo(5 - 1_000);
        assertThat(state.reconcileAccounts()).isNull();
        p.drainEvents();
    }
}
