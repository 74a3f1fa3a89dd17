package dev.farthing.ledger.journal;

import dev.farthing.ledger.api.EventPage;
import dev.farthing.ledger.api.EventPosition;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.api.TailedEvent;
import dev.farthing.ledger.api.VerifyReport;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountStatus;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.snapshot.SnapshotFile;
import dev.farthing.ledger.state.LedgerState;
import dev.farthing.ledger.state.SnapshotCodec;
import dev.farthing.ledger.testing.JournalFiles;
import dev.farthing.ledger.testing.LegacyJournalWriter;
import dev.farthing.ledger.testing.Seeds;
import dev.farthing.ledger.verify.LedgerVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data directory of the previous version (its journal written by that version's writer, copied into the tests as
 * {@link LegacyJournalWriter}, its snapshots by {@link SnapshotFile}) opens on the record log with the same
 * balances, events and hashes; and a migration interrupted at any step leaves a directory that opens to the same.
 */
class LegacyJournalMigrationTest {
    @TempDir
    Path tmp;

    /** What the old directory holds, computed while writing it. */
    record Old(Path dir, List<byte[]> hashes, List<List<LedgerEvent>> batches, List<Long> times,
               Map<String, AccountView> accounts, Map<String, TransferView> transfers) {
    }

    @Test
    void anOldDataDirectoryIsMigratedWithTheSameBalancesEventsAndHashes() {
        Old old = writeOldDirectory(tmp.resolve("old"), Seeds.seed("LegacyJournalMigrationTest"));
        Path dir = tmp.resolve("old");
        assertThat(LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null).verdict())
                .as("verify names the command that migrates").contains("previous format").contains("farthing snapshot");
        try (Ledger ledger = Ledgers.open(config(dir))) {
            assertThat(ledger.recovery().snapshotFile()).as("the newest old snapshot became a record-log snapshot").isNotNull();
            assertThat(ledger.recovery().snapshotSequence()).isEqualTo(20);
            assertSameLedger(ledger, old);
            TransferView after = ledger.createTransfer(NewTransfer.simple("after-migration", "bank", "w1", 5, "USD")).join().value();
            assertThat(after).isNotNull();
        }
        assertThat(Files.exists(dir.resolve("journal"))).isFalse();
        assertThat(Files.exists(dir.resolve("snapshots"))).isFalse();
        assertThat(LegacyJournalReader.segments(dir.resolve("journal.migrated"))).as("old files kept aside").isNotEmpty();
        assertThat(Files.exists(dir.resolve(LegacyJournalMigration.WORK_DIR))).isFalse();
        assertSameHashes(dir, old);
        VerifyReport report = LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
        assertThat(report.ok()).as(report.verdict()).isTrue();
        assertThat(report.snapshotsChecked()).as("both old snapshots migrated and match the replay").isEqualTo(2);
        assertThat(report.transfers()).isEqualTo(old.transfers().size() + 1);
        try (Ledger again = Ledgers.open(config(dir))) {
            assertThat(again.lookupTransfer("after-migration").join().isOk()).isTrue();
        }
    }

    @Test
    void aMigrationInterruptedAtAnyStepLeavesADirectoryThatOpensToTheSameLedger() throws Exception {
        long seed = Seeds.seed("LegacyJournalMigrationTest.crash");
        Old old = writeOldDirectory(tmp.resolve("template"), seed);
        // 1. Crashed while building: a half-written work directory beside the old layout.
        Path building = copyOf(old, "building");
        Files.createDirectories(building.resolve(LegacyJournalMigration.WORK_DIR));
        JournalFiles.write(building.resolve(LegacyJournalMigration.WORK_DIR).resolve("segment-00000000000000000000.log"), new byte[7]);
        // 2. Crashed after the commit point (the rename), before the old files were moved aside.
        Path committed = copyOf(old, "committed");
        try (Ledger ledger = Ledgers.open(config(committed))) {
            assertSameLedger(ledger, old);
        }
        Files.move(committed.resolve("journal.migrated"), committed.resolve("journal"));
        Files.move(committed.resolve("snapshots.migrated"), committed.resolve("snapshots"));
        // 3. Crashed between moving the old journal and the old snapshots aside.
        Path halfAside = copyOf(old, "half-aside");
        try (Ledger ledger = Ledgers.open(config(halfAside))) {
            assertSameLedger(ledger, old);
        }
        Files.move(halfAside.resolve("snapshots.migrated"), halfAside.resolve("snapshots"));
        for (Path dir : List.of(building, committed, halfAside)) {
            try (Ledger ledger = Ledgers.open(config(dir))) {
                assertSameLedger(ledger, old);
            }
            assertThat(Files.exists(dir.resolve("journal"))).as(dir.toString()).isFalse();
            assertThat(Files.exists(dir.resolve("snapshots"))).as(dir.toString()).isFalse();
            assertThat(Files.exists(dir.resolve(LegacyJournalMigration.WORK_DIR))).as(dir.toString()).isFalse();
            assertSameHashes(dir, old);
            VerifyReport report = LedgerVerifier.verify(dir, LedgerConfig.DEFAULT_CURRENCIES, null);
            assertThat(report.ok()).as(dir + ": " + report.verdict()).isTrue();
        }
    }

    private Path copyOf(Old old, String name) {
        Path to = tmp.resolve(name);
        JournalFiles.copyTree(old.dir(), to);
        return to;
    }

    private static LedgerConfig config(Path dir) {
        return LedgerConfig.defaults(dir).withFsync(false).withSegmentBytes(8192);
    }

    private static void assertSameLedger(Ledger ledger, Old old) {
        for (AccountView a : old.accounts().values()) {
            assertThat(ledger.lookupAccount(a.id()).join().value()).as(a.id()).isEqualTo(a);
        }
        for (TransferView t : old.transfers().values()) {
            assertThat(ledger.lookupTransfer(t.id()).join().value()).as(t.id()).isEqualTo(t);
        }
        List<TailedEvent> tailed = new ArrayList<>();
        EventPosition after = EventPosition.START;
        while (true) {
            EventPage page = ledger.events().read(after, 7);
            if (page.events().isEmpty()) {
                break;
            }
            tailed.addAll(page.events());
            after = page.next();
        }
        List<TailedEvent> expected = new ArrayList<>();
        for (int b = 0; b < old.batches().size(); b++) {
            for (int i = 0; i < old.batches().get(b).size(); i++) {
                expected.add(new TailedEvent(new EventPosition(b + 1, i), old.times().get(b), old.batches().get(b).get(i)));
            }
        }
        assertThat(tailed.subList(0, expected.size())).as("the event tail after migration").isEqualTo(expected);
    }

    /** Every migrated batch's seal carries the hash the old record had, and re-hashing its frames gives it. */
    private static void assertSameHashes(Path dir, Old old) {
        List<JournalFiles.Record> records = JournalFiles.records(JournalFiles.logDir(dir));
        for (int i = 0; i < old.hashes().size(); i++) {
            assertThat(records.get(i).sequence()).isEqualTo(i + 1);
            assertThat(records.get(i).hash()).as("hash of batch %d", i + 1).isEqualTo(old.hashes().get(i));
        }
    }

    /**
     * 30 batches over several old segments (accounts opened, a frozen one, posted transfers, holds posted, voided
     * and expired), snapshots after batches 10 and 20, and a torn tail (an unfinished record) at the end.
     */
    static Old writeOldDirectory(Path dir, long seed) {
        Random rnd = new Random(seed);
        System.out.println("LegacyJournalMigrationTest seed=" + seed);
        LedgerState state = new LedgerState(LedgerConfig.DEFAULT_CURRENCIES);
        List<byte[]> hashes = new ArrayList<>();
        List<List<LedgerEvent>> batches = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        Map<String, TransferView> transfers = new LinkedHashMap<>();
        List<TransferView> holds = new ArrayList<>();
        long now = System.currentTimeMillis() * 1_000_000L - 60_000_000_000L; // holds must not expire when it opens
        ScanResult empty = new ScanResult(0, JournalFormat.GENESIS_HASH.clone(), 0, null, 0, 0, 0);
        try (LegacyJournalWriter writer = new LegacyJournalWriter(dir.resolve("journal"), empty, 4096, false)) {
            for (int b = 1; b <= 30; b++) {
                List<LedgerEvent> events = new ArrayList<>();
                if (b == 1) {
                    events.add(new LedgerEvent.AccountOpened(++now, "bank", "USD", AccountKind.SETTLEMENT, false, 0, Map.of()));
                    events.add(new LedgerEvent.AccountOpened(++now, "shop", "USD", AccountKind.MERCHANT, false, 0, Map.of("tier", "gold")));
                    for (int w = 0; w < 4; w++) {
                        events.add(new LedgerEvent.AccountOpened(++now, "w" + w, "USD", AccountKind.WALLET, false, 0, Map.of()));
                    }
                } else if (b == 12) {
                    events.add(new LedgerEvent.AccountStatusChanged(++now, "w3", AccountStatus.FROZEN));
                } else {
                    for (int t = 0; t < 1 + rnd.nextInt(6); t++) {
                        String id = "t" + b + "-" + t;
                        boolean hold = rnd.nextInt(4) == 0;
                        TransferView v = new TransferView(id, "bank", "w" + rnd.nextInt(3), 1 + rnd.nextInt(10_000), "USD",
                                hold ? "hold" : null, rnd.nextBoolean() ? "ref" + b : null,
                                rnd.nextBoolean() ? Map.of("order", "o" + t) : Map.of(), hold ? 86_400 : 0, ++now,
                                TransferStatus.PENDING, 0, now + 86_400_000_000_000L, 0);
                        v = hold ? v : new TransferView(v.id(), v.debitAccount(), v.creditAccount(), v.amount(), v.currency(),
                                v.code(), v.reference(), v.metadata(), 0, v.timestamp(), TransferStatus.POSTED, v.amount(), 0, 0);
                        events.add(new LedgerEvent.TransferCommitted(v));
                        transfers.put(id, v);
                        if (hold) {
                            holds.add(v);
                        }
                    }
                    if (!holds.isEmpty() && rnd.nextInt(3) == 0) {
                        TransferView h = holds.removeFirst();
                        TransferStatus outcome = switch (rnd.nextInt(3)) {
                            case 0 -> TransferStatus.POSTED;
                            case 1 -> TransferStatus.VOIDED;
                            default -> TransferStatus.EXPIRED;
                        };
                        long posted = outcome == TransferStatus.POSTED ? 1 + rnd.nextInt((int) h.amount()) : 0;
                        events.add(new LedgerEvent.PendingResolved(++now, h.id(), outcome, posted));
                        transfers.put(h.id(), h.resolved(outcome, posted, now));
                    }
                }
                for (LedgerEvent e : events) {
                    state.apply(e);
                }
                long sequence = writer.append(events, now);
                writer.commit();
                hashes.add(writer.lastHash());
                batches.add(List.copyOf(events));
                times.add(now);
                if (b == 10 || b == 20) {
                    SnapshotFile.write(dir.resolve("snapshots"), sequence, writer.lastHash(), SnapshotCodec.encode(state));
                }
            }
        }
        // A torn tail: the first bytes of a record the old writer never finished (never acknowledged).
        List<Path> segments = LegacyJournalReader.segments(dir.resolve("journal"));
        JournalFiles.append(segments.getLast(), new byte[] {0x46, 0x54, 0x52, 0x4A, 0, 0, 1});
        assertThat(segments.size()).as("old journal spans segments").isGreaterThan(1);
        Map<String, AccountView> accounts = new LinkedHashMap<>();
        for (String id : state.accountIds()) {
            accounts.put(id, state.accountView(id));
        }
        return new Old(dir, hashes, batches, times, accounts, transfers);
    }
}
