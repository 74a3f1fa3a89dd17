package dev.farthing.ledger.engine;

import dev.farthing.ledger.api.EventPage;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.LedgerEventTail;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.journal.BatchScanner;
import dev.farthing.ledger.journal.LedgerFrames;
import dev.farthing.ledger.journal.LedgerLog;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.farthing.ledger.engine.LedgerEngineTest.ok;
import static dev.farthing.ledger.engine.LedgerEngineTest.settlement;
import static dev.farthing.ledger.engine.LedgerEngineTest.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTailTest {
    @TempDir
    Path dir;

    private LedgerConfig config() {
        return LedgerConfig.defaults(dir).withFsync(false).withSegmentBytes(1 << 20);
    }

    /** Every event in the journal, in order, with its position: what the tail must reproduce. */
    private List<TailedEvent> journalEvents() {
        List<TailedEvent> all = new ArrayList<>();
        try (LedgerLog log = LedgerLog.openReadOnly(dir.resolve(LedgerLog.DIR));
             BatchScanner batches = log.scan(log.startPosition(), 1, LedgerFrames.GENESIS_HASH, 1)) {
            BatchScanner.Batch batch;
            while ((batch = batches.next()) != null) {
                for (int i = 0; i < batch.events().size(); i++) {
                    all.add(new TailedEvent(new EventPosition(batch.sequence(), i), batch.batchTime(), batch.events().get(i)));
                }
            }
        }
        return all;
    }

    private static List<TailedEvent> readAll(LedgerEventTail tail, EventPosition after, int pageSize) {
        List<TailedEvent> got = new ArrayList<>();
        EventPage page;
        do {
            page = tail.read(after, pageSize);
            assertThat(page.events().size()).isLessThanOrEqualTo(pageSize);
            got.addAll(page.events());
            after = page.next();
        } while (!page.caughtUp());
        assertThat(page.next()).isEqualTo(tail.head());
        return got;
    }

    /** Moves {@code batches} batches of {@code size} transfers, funded from one settlement account. */
    private static void move(Ledger ledger, String prefix, int batches, int size) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<NewTransfer> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(NewTransfer.simple(prefix + b + "-" + i, "bank", i % 2 == 0 ? "alice" : "bob", 1 + i, "USD"));
            }
            inFlight.add(ledger.createTransfers(batch, false));
        }
        inFlight.forEach(CompletableFuture::join);
    }

    @Test
    void pagesReproduceTheJournalFromMemoryAndFromDisk() {
        long seed = Seeds.seed("EventTailTest.pagesReproduceTheJournalFromMemoryAndFromDisk");
        Random random = new Random(seed);
        List<TailedEvent> live;
        try (Ledger ledger = Ledgers.open(config())) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            ok(ledger.createAccount(wallet("bob")).join());
            // More than the in-memory window holds, so the oldest events can only come from the journal.
            move(ledger, "t", 9, 8_000);
            live = readAll(ledger.events(), EventPosition.START, 100 + random.nextInt(LedgerEventTail.MAX_PAGE - 99));
            assertThat(live).hasSizeGreaterThan(EventTail.WINDOW_EVENTS);
            assertThat(live).isEqualTo(journalEvents());
            // Any position, in the window or before it, continues with exactly the events after it.
            for (int i = 0; i < 8; i++) {
                int from = random.nextInt(live.size());
                List<TailedEvent> rest = readAll(ledger.events(), live.get(from).position(), 500 + random.nextInt(9_500));
                assertThat(rest).isEqualTo(live.subList(from + 1, live.size()));
            }
        }
        try (Ledger ledger = Ledgers.open(config())) {
            LedgerEventTail tail = ledger.events();
            assertThat(tail.head()).isEqualTo(live.getLast().position());
            assertThat(readAll(tail, EventPosition.START, 5_000)).isEqualTo(live);
            move(ledger, "u", 1, 10);
            List<TailedEvent> added = readAll(tail, live.getLast().position(), 3);
            assertThat(added).hasSize(10);
            assertThat(added).allSatisfy(e -> assertThat(e.event()).isInstanceOf(LedgerEvent.TransferCommitted.class));
            assertThat(added.getFirst().position()).isEqualTo(new EventPosition(live.getLast().position().batch() + 1, 0));
        }
    }

    @Test
    void awaitWakesOnTheNextCommitAndTimesOutWhenNothingComes() throws Exception {
        try (Ledger ledger = Ledgers.open(config())) {
            ok(ledger.createAccount(settlement("bank")).join());
            ok(ledger.createAccount(wallet("alice")).join());
            LedgerEventTail tail = ledger.events();
            EventPosition head = tail.head();

            long started = System.nanoTime();
            EventPage none = tail.await(head, 10, Duration.ofMillis(200));
            assertThat(none.events()).isEmpty();
            assertThat(none.next()).isEqualTo(head);
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));

            CompletableFuture<EventPage> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return tail.await(head, 10, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(50);
            assertThat(waiting).isNotDone();
            ok(ledger.createTransfer(NewTransfer.simple("t1", "bank", "alice", 5, "USD")).join());
            EventPage page = waiting.get(10, TimeUnit.SECONDS);
            assertThat(page.events()).hasSize(1);
            LedgerEvent.TransferCommitted c = (LedgerEvent.TransferCommitted) page.events().getFirst().event();
            assertThat(c.transfer().id()).isEqualTo("t1");
            assertThat(page.caughtUp()).isTrue();

            CompletableFuture<EventPage> untilClose = CompletableFuture.supplyAsync(() -> {
                try {
                    return tail.await(page.next(), 10, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(50);
            ledger.close();
            assertThat(untilClose.get(10, TimeUnit.SECONDS).events()).isEmpty();
        }
    }

    @Test
    void refusesPositionsPastTheHeadAndOversizedPages() {
        try (Ledger ledger = Ledgers.open(config())) {
            ok(ledger.createAccount(settlement("bank")).join());
            LedgerEventTail tail = ledger.events();
            assertThat(tail.head()).isEqualTo(new EventPosition(1, 0));
            assertThatThrownBy(() -> tail.read(new EventPosition(2, 0), 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after the newest durable event");
            assertThatThrownBy(() -> tail.read(EventPosition.START, LedgerEventTail.MAX_PAGE + 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(EventPosition.parse(new EventPosition(7, 3).toString())).isEqualTo(new EventPosition(7, 3));
        }
    }
}
