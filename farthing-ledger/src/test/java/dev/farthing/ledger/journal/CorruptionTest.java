package dev.farthing.ledger.journal;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.ledger.api.RecoveryReport;
import dev.farthing.ledger.model.LedgerEvent;
import dev.farthing.ledger.index.TransferIndex;
import dev.farthing.ledger.model.AccountKind;
import dev.farthing.ledger.model.AccountView;
import dev.farthing.ledger.model.ErrorCode;
import dev.farthing.ledger.model.NewAccount;
import dev.farthing.ledger.model.NewTransfer;
import dev.farthing.ledger.model.Outcome;
import dev.farthing.ledger.model.TransferStatus;
import dev.farthing.ledger.model.TransferView;
import dev.farthing.ledger.testing.JournalFiles;
import dev.farthing.ledger.testing.JournalFiles.Record;
import dev.farthing.ledger.testing.Seeds;
import dev.farthing.ledger.verify.LedgerVerifier;
import dev.farthing.ledger.api.VerifyReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Damages real data directories the way disks and crashes do and checks what start-up and
 * {@code farthing verify} make of it: a torn tail (the only thing a crash can leave, since nothing is
 * acknowledged before fsync) is cut off and reported, and every acknowledged transfer survives it; any other
 * damage stops start-up with a {@link CorruptionException} naming the file and the damaged record's offset,
 * and the verifier reports the same file and offset.
 *
 * <p>Which byte is damaged is drawn from a printed seed ({@code -Dfarthing.seed=N} replays it).
 */
class CorruptionTest {
    @TempDir
    static Path tmp;
    static long seed;
    static Random rnd;
    static Fixture single;
    static Fixture multi;
    static final AtomicInteger copies = new AtomicInteger();

    /**
     * A closed ledger and what was acknowledged in it. The last journal record is exactly {@code lastBatch}
     * (one atomic request, alone in its batch) and comes after the latest snapshot.
     */
    record Fixture(Path dir, LedgerConfig config, Map<String, TransferView> acked, List<String> lastBatch,
                   Map<String, AccountView> balancesBeforeLast, Map<String, AccountView> balancesAtEnd,
                   Path latestSnapshot, Path olderSnapshot, long snapshotSequence) {
    }

    @BeforeAll
    static void writeLedgers() {
        seed = Seeds.seed("CorruptionTest");
        rnd = new Random(seed);
        single = populate(LedgerConfig.defaults(tmp.resolve("single")), 4);
        multi = populate(LedgerConfig.defaults(tmp.resolve("multi")).withSegmentBytes(4096), 10);
        assertThat(JournalFiles.segments(log(single.dir))).hasSize(1);
        assertThat(JournalFiles.segments(log(multi.dir)).size()).as("seed=%d", seed).isGreaterThanOrEqualTo(6);
    }

    static Fixture populate(LedgerConfig config, int batchesPerPhase) {
        Map<String, TransferView> acked = new LinkedHashMap<>();
        List<String> accounts = new ArrayList<>();
        try (Ledger ledger = Ledgers.open(config)) {
            ok(ledger.createAccount(new NewAccount("bank", "USD", AccountKind.SETTLEMENT, null, 0, Map.of())).join());
            ok(ledger.createAccount(new NewAccount("shop", "USD", AccountKind.MERCHANT, null, 0, Map.of("tier", "gold"))).join());
            accounts.addAll(List.of("bank", "shop"));
            for (int i = 0; i < 8; i++) {
                ok(ledger.createAccount(new NewAccount("w" + i, "USD", AccountKind.WALLET, null, 0, Map.of())).join());
                accounts.add("w" + i);
                TransferView seedMoney = ok(ledger.createTransfer(NewTransfer.simple("seed" + i, "bank", "w" + i, 1_000_000, "USD")).join());
                acked.put(seedMoney.id(), seedMoney);
            }
            int[] next = {0};
            Runnable phase = () -> {
                for (int b = 0; b < batchesPerPhase; b++) {
                    List<NewTransfer> funding = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        funding.add(NewTransfer.simple("f" + next[0]++, "bank", "w" + (next[0] % 8), 1_000 + next[0], "USD"));
                    }
                    List<CompletableFuture<List<Outcome<TransferView>>>> inFlight = new ArrayList<>();
                    inFlight.add(ledger.createTransfers(funding, false));
                    for (int i = 0; i < 3; i++) {
                        inFlight.add(ledger.createTransfer(new NewTransfer("p" + next[0]++, "w" + (next[0] % 8), "shop",
                                1 + next[0] % 50, "USD", "pay", null, Map.of("order", "o" + next[0]), 0)).thenApply(List::of));
                    }
                    for (CompletableFuture<List<Outcome<TransferView>>> f : inFlight) {
                        for (Outcome<TransferView> o : f.join()) {
                            TransferView v = ok(o);
                            acked.put(v.id(), v);
                        }
                    }
                }
            };
            phase.run();
            String older = ledger.snapshot().join();
            phase.run();
            for (int i = 0; i < 3; i++) {
                TransferView h = ok(ledger.createTransfer(new NewTransfer("h" + i, "w" + i, "shop", 100, "USD", null, null,
                        Map.of(), 3_600)).join());
                acked.put(h.id(), h);
            }
            acked.put("h0", ok(ledger.postPending("h0", 60).join()));
            acked.put("h1", ok(ledger.voidPending("h1").join()));
            String latest = ledger.snapshot().join();
            phase.run();
            Map<String, AccountView> before = balances(ledger, accounts);
            List<NewTransfer> last = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                last.add(NewTransfer.simple("last" + i, "bank", "w" + i, 7, "USD"));
            }
            List<String> lastIds = new ArrayList<>();
            for (Outcome<TransferView> o : ledger.createTransfers(last, true).join()) {
                acked.put(ok(o).id(), o.value());
                lastIds.add(o.value().id());
            }
            Map<String, AccountView> after = balances(ledger, accounts);
            Path snapshots = log(config.dataDir());
            // Record-log snapshot header (16 bytes), then the ledger's: magic, version, sequence.
            long snapshotSequence = java.nio.ByteBuffer.wrap(JournalFiles.read(snapshots.resolve(latest))).getLong(24);
            List<Record> records = JournalFiles.records(log(config.dataDir()));
            assertThat(records.getLast().sequence()).isGreaterThan(snapshotSequence + 2);
            return new Fixture(config.dataDir(), config, acked, lastIds, before, after, snapshots.resolve(latest),
                    snapshots.resolve(older), snapshotSequence);
        }
    }

    static Map<String, AccountView> balances(Ledger ledger, List<String> accounts) {
        Map<String, AccountView> out = new LinkedHashMap<>();
        for (String id : accounts) {
            out.put(id, ok(ledger.lookupAccount(id).join()));
        }
        return out;
    }

    static <T> T ok(Outcome<T> o) {
        assertThat(o.error()).as("refusal: %s", o.detail()).isNull();
        return o.value();
    }

    /** A fresh copy of a fixture to damage. */
    static Path copy(Fixture f) {
        Path to = tmp.resolve("case-" + copies.incrementAndGet());
        JournalFiles.copyTree(f.dir, to);
        return to;
    }

    static LedgerConfig at(LedgerConfig c, Path dir) {
        return new LedgerConfig(dir, c.currencies(), c.fsync(), c.queueCapacity(), c.maxBatchCommands(),
                c.snapshotEveryBatches(), c.snapshotEveryEvents(), c.segmentBytes());
    }

    static Path log(Path dataDir) {
        return JournalFiles.logDir(dataDir);
    }

    static Path lastSegment(Path dir) {
        return JournalFiles.segments(log(dir)).getLast();
    }

    static Path same(Path p, Path base, Fixture f) {
        return base.resolve(f.dir.relativize(p).toString());
    }

    // ------------------------------------------------------------------------------------------ torn tails

    @Test
    void aRecordCutShortIsATornTailAndEverythingBeforeItSurvives() {
        Record last = JournalFiles.records(log(single.dir)).getLast();
        int random = 1 + rnd.nextInt(last.length() - 1);
        int inHeader = 1 + rnd.nextInt(JournalFiles.FRAME_HEADER - 1); // inside the batch's first frame header
        for (int cut : List.of(random, inHeader, last.length() - 1)) {
            Path dir = copy(single);
            Path segment = same(last.file(), dir, single);
            JournalFiles.truncate(segment, last.offset() + cut);
            String what = "seed=" + seed + " cut the last record after " + cut + " of " + last.length() + " bytes";
            expectTornTail(dir, single, segment, last.offset(), cut, what, true);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreATornTail() {
        int zeros = 1 + rnd.nextInt(10_000);
        Path dir = copy(single);
        Path segment = lastSegment(dir);
        long size = JournalFiles.size(segment);
        JournalFiles.append(segment, new byte[zeros]);
        expectTornTail(dir, single, segment, size, zeros, "seed=" + seed + " appended " + zeros + " zero bytes", false);
    }

    /**
     * The record log's rule: the last frame (the batch's seal) ends at the end of the file, fails its checksum and
     * ends in at least 16 zeros. Its batch then lacks its seal and goes with it.
     */
    @Test
    void aLastRecordWhoseTailPagesNeverReachedDiskIsATornTail() {
        Record last = JournalFiles.records(log(single.dir)).getLast();
        int zeroed = 16 + rnd.nextInt(last.seal().payloadBytes() - 16 + 1);
        Path dir = copy(single);
        Path segment = same(last.file(), dir, single);
        byte[] data = JournalFiles.read(segment);
        java.util.Arrays.fill(data, (int) (last.end() - zeroed), (int) last.end(), (byte) 0);
        JournalFiles.write(segment, data);
        expectTornTail(dir, single, segment, last.offset(), last.length(),
                "seed=" + seed + " zeroed the last " + zeroed + " bytes of the last record", true);
    }

    @Test
    void aPrefixOfTheNextRecordIsATornTail() {
        Record last = JournalFiles.records(log(single.dir)).getLast();
        TransferView phantom = new TransferView("phantom", "bank", "w1", 5, "USD", null, null, Map.of(), 0,
                Long.MAX_VALUE - 1, TransferStatus.POSTED, 5, 0, 0);
        byte[] next = JournalFiles.nextRecord(last.sequence(), last.hash(), Long.MAX_VALUE - 1,
                List.of(new LedgerEvent.TransferCommitted(phantom)));
        int prefix = 1 + rnd.nextInt(next.length - 1);
        Path dir = copy(single);
        Path segment = lastSegment(dir);
        JournalFiles.append(segment, java.util.Arrays.copyOf(next, prefix));
        expectTornTail(dir, single, segment, last.end(), prefix,
                "seed=" + seed + " appended " + prefix + " of " + next.length + " bytes of the next record", false);
    }

    /**
     * Verifies the damaged copy (ok, torn tail reported), opens it (torn tail truncated and reported), then
     * checks every acknowledged transfer: all exist, except the last record's when {@code lastLost}.
     * A genuinely torn record was never acknowledged, so the indexer never saw it: when the last record is
     * the torn one, the copy's index is removed (rebuilt from the journal on open) to match that history.
     * An index holding the lost record would rightly stop start-up (see the lost-segments test).
     */
    static void expectTornTail(Path dir, Fixture f, Path segment, long offset, long tornBytes, String what, boolean lastLost) {
        if (lastLost) {
            JournalFiles.deleteTree(dir.resolve("index"));
        }
        VerifyReport before = LedgerVerifier.verify(dir, f.config.currencies(), null);
        assertThat(before.ok()).as(what + ": " + before.verdict()).isTrue();
        assertThat(before.tornTailBytes()).as(what).isEqualTo(tornBytes);
        try (Ledger ledger = Ledgers.open(at(f.config, dir))) {
            RecoveryReport report = ledger.recovery();
            assertThat(report.tornTailBytes()).as(what + ": " + report).isEqualTo(tornBytes);
            assertThat(report.tornTailFile()).as(what).isEqualTo(segment.getFileName().toString());
            assertThat(report.tornTailOffset()).as(what).isEqualTo(offset);
            assertThat(report.snapshotFile()).as(what).isEqualTo(f.latestSnapshot.getFileName().toString());
            assertThat(JournalFiles.size(segment)).as(what + ": file truncated to the record boundary").isEqualTo(offset);
            for (TransferView v : f.acked.values()) {
                Outcome<TransferView> found = ledger.lookupTransfer(v.id()).join();
                if (lastLost && f.lastBatch.contains(v.id())) {
                    assertThat(found.error()).as(what + ": the torn record's " + v.id()).isEqualTo(ErrorCode.NOT_FOUND);
                } else {
                    assertThat(found).as(what + ": acknowledged " + v.id()).isEqualTo(Outcome.ok(v));
                }
            }
            Map<String, AccountView> expected = lastLost ? f.balancesBeforeLast : f.balancesAtEnd;
            for (AccountView a : expected.values()) {
                assertThat(ok(ledger.lookupAccount(a.id()).join())).as(what).isEqualTo(a);
            }
            assertThat(ledger.health().breakerOpen()).as(what).isFalse();
            // The ledger goes on writing after the cut, and the result verifies and reopens cleanly.
            ok(ledger.createTransfer(NewTransfer.simple("after-cut", "bank", "w3", 1, "USD")).join());
        }
        try (Ledger again = Ledgers.open(at(f.config, dir))) {
            assertThat(again.recovery().tornTailBytes()).as(what).isZero();
            assertThat(ok(again.lookupTransfer("after-cut").join()).amount()).isEqualTo(1);
        }
        VerifyReport after = LedgerVerifier.verify(dir, f.config.currencies(), null);
        assertThat(after.ok()).as(what + ": " + after.verdict()).isTrue();
        assertThat(after.tornTailBytes()).as(what).isZero();
    }

    // ------------------------------------------------------------------------------------------ flipped bytes

    /** A byte range of one batch, relative to the file, and the frame holding it (where the damage is named). */
    record Region(String name, long from, long to, long frame) {
    }

    static List<Region> regions(Record r) {
        JournalFiles.Frame first = r.frames().getFirst();
        JournalFiles.Frame event = r.frames().get(rnd.nextInt(r.frames().size() - 1));
        JournalFiles.Frame seal = r.seal();
        long s = seal.offset() + JournalFiles.FRAME_HEADER;
        return List.of(new Region("frame length", first.offset(), first.offset() + 4, first.offset()),
                // Always also the length's second byte: the frame then claims to run past the end of the file,
                // which must not pass for a torn tail (the header checksum covers the length).
                new Region("frame length high byte", first.offset() + 1, first.offset() + 2, first.offset()),
                new Region("frame type", first.offset() + 4, first.offset() + 6, first.offset()),
                new Region("frame flags", first.offset() + 6, first.offset() + 8, first.offset()),
                new Region("frame checksum", first.offset() + 8, first.offset() + 12, first.offset()),
                new Region("frame header checksum", first.offset() + 12, first.offset() + 16, first.offset()),
                new Region("event payload", event.offset() + 16, event.end(), event.offset()),
                new Region("seal sequence", s, s + 8, seal.offset()), new Region("seal batch time", s + 8, s + 16, seal.offset()),
                new Region("seal event count", s + 16, s + 20, seal.offset()),
                new Region("seal previous hash", s + 20, s + 52, seal.offset()), new Region("seal hash", s + 52, s + 84, seal.offset()));
    }

    @Test
    void aFlippedByteInAMiddleRecordOfTheLastSegmentStopsStartUp() {
        // Start-up reads from the snapshot's position on; damage before it is verify's (below).
        List<Record> records = JournalFiles.records(log(single.dir));
        flipEveryRegion(single, records.subList(0, records.size() - 1).stream()
                .filter(r -> r.sequence() > single.snapshotSequence).toList());
    }

    @Test
    void aFlippedByteInASealedSegmentStopsStartUp() {
        List<Record> records = JournalFiles.records(log(multi.dir));
        Path last = JournalFiles.segments(log(multi.dir)).getLast();
        // Sealed segments that start-up reads: from the one holding the batch after the snapshot on.
        long firstReplayed = multi.snapshotSequence + 1;
        Path startSegment = records.stream().filter(r -> r.sequence() == firstReplayed).findFirst().orElseThrow().file();
        List<Record> candidates = records.stream()
                .filter(r -> !r.file().equals(last) && JournalFiles.baseOf(r.file()) >= JournalFiles.baseOf(startSegment)
                        && r.sequence() > multi.snapshotSequence)
                .toList();
        assertThat(candidates).as("seed=%d", seed).isNotEmpty();
        flipEveryRegion(multi, candidates);
    }

    @Test
    void aFlippedByteBeforeTheSnapshotIsFoundByVerify() {
        List<Record> records = JournalFiles.records(log(multi.dir));
        Record r = records.get(rnd.nextInt(records.size() / 3));
        Path dir = copy(multi);
        JournalFiles.Frame event = r.frames().getFirst();
        long at = event.offset() + JournalFiles.FRAME_HEADER + rnd.nextInt(event.payloadBytes());
        JournalFiles.flip(same(r.file(), dir, multi), at, 1 + rnd.nextInt(255));
        VerifyReport report = LedgerVerifier.verify(dir, multi.config.currencies(), null);
        assertThat(report.ok()).as("seed=%d %s", seed, report.verdict()).isFalse();
        assertThat(Path.of(report.file())).as("seed=%d", seed).isEqualTo(same(r.file(), dir, multi));
        assertThat(report.offset()).as("seed=%d", seed).isEqualTo(r.offset());
    }

    /** For each region: a fresh copy, one random record, one random byte in that region, a random non-zero mask. */
    static void flipEveryRegion(Fixture f, List<Record> candidates) {
        for (String name : regions(candidates.getFirst()).stream().map(Region::name).toList()) {
            Record r = candidates.get(rnd.nextInt(candidates.size()));
            Region region = regions(r).stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
            long at = region.from() + rnd.nextInt((int) (region.to() - region.from()));
            int mask = 1 + rnd.nextInt(255);
            Path dir = copy(f);
            Path segment = same(r.file(), dir, f);
            JournalFiles.flip(segment, at, mask);
            String what = "seed=" + seed + " flipped byte " + at + " (" + name + ") of batch " + r.sequence() + " at "
                    + segment.getFileName() + ":" + r.offset() + " with mask " + mask;
            expectCorruption(dir, f, segment, region.frame(), what);
        }
    }

    /** Verify reports the damage, and start-up refuses with the same file and offset. */
    static CorruptionException expectCorruption(Path dir, Fixture f, Path file, long offset, String what) {
        VerifyReport report = LedgerVerifier.verify(dir, f.config.currencies(), null);
        assertThat(report.ok()).as(what + ": verify said " + report.verdict()).isFalse();
        assertThat(report.file()).as(what + ": " + report.verdict()).isNotNull();
        assertThat(Path.of(report.file())).as(what + ": " + report.verdict()).isEqualTo(file);
        assertThat(report.offset()).as(what + ": " + report.verdict()).isEqualTo(offset);
        CorruptionException e = openExpectingCorruption(at(f.config, dir), what);
        assertThat(e.file()).as(what + ": " + e.getMessage()).isEqualTo(file);
        assertThat(e.offset()).as(what + ": " + e.getMessage()).isEqualTo(offset);
        assertThat(e.getMessage()).as(what).contains(file.getFileName().toString()).contains("offset " + offset);
        return e;
    }

    static CorruptionException openExpectingCorruption(LedgerConfig config, String what) {
        try {
            Ledger ledger = Ledgers.open(config);
            RecoveryReport report = ledger.recovery();
            ledger.close();
            fail(what + ": the damaged ledger opened (" + report + ")");
            return null;
        } catch (CorruptionException e) {
            return e;
        }
    }

    // ------------------------------------------------------------------------------------------ snapshots

    /**
     * The record log's snapshot rule: a damaged newest snapshot is passed over for the older one (start-up replays
     * more), and {@code farthing verify} names the damaged file. Both damaged: start-up stops, naming the newest.
     */
    @Test
    void aDamagedSnapshotIsNamedByVerifyAndStartUpFallsBackToTheOlderOne() {
        byte[] data = JournalFiles.read(single.latestSnapshot);
        int at = rnd.nextInt(data.length);
        int mask = 1 + rnd.nextInt(255);
        Path dir = copy(single);
        Path snapshot = same(single.latestSnapshot, dir, single);
        JournalFiles.flip(snapshot, at, mask);
        String what = "seed=" + seed + " flipped byte " + at + " of " + data.length + " of the latest snapshot";
        expectSnapshotFallback(dir, single, snapshot, what);

        int keep = rnd.nextInt(data.length);
        Path dir2 = copy(single);
        Path snapshot2 = same(single.latestSnapshot, dir2, single);
        JournalFiles.truncate(snapshot2, keep);
        expectSnapshotFallback(dir2, single, snapshot2, "seed=" + seed + " truncated the latest snapshot to " + keep + " bytes");

        // The older snapshot is not needed to start, but verify checks it against the journal too.
        Path dir3 = copy(single);
        Path older = same(single.olderSnapshot, dir3, single);
        int at3 = rnd.nextInt((int) JournalFiles.size(older));
        JournalFiles.flip(older, at3, 1 + rnd.nextInt(255));
        VerifyReport report = LedgerVerifier.verify(dir3, single.config.currencies(), null);
        assertThat(report.ok()).as("seed=%d older snapshot byte %d: %s", seed, at3, report.verdict()).isFalse();
        assertThat(Path.of(report.file())).as("seed=%d", seed).isEqualTo(older);

        // Both damaged: snapshots exist but none is usable, which is damage: start-up refuses rather than guess.
        Path dir4 = copy(single);
        JournalFiles.flip(same(single.latestSnapshot, dir4, single), at, mask);
        JournalFiles.flip(same(single.olderSnapshot, dir4, single), at3, 1 + rnd.nextInt(255));
        CorruptionException e = openExpectingCorruption(at(single.config, dir4), "seed=" + seed + " both snapshots damaged");
        assertThat(e.file()).isEqualTo(same(single.latestSnapshot, dir4, single));
    }

    static void expectSnapshotFallback(Path dir, Fixture f, Path snapshot, String what) {
        VerifyReport report = LedgerVerifier.verify(dir, f.config.currencies(), null);
        assertThat(report.ok()).as(what + ": " + report.verdict()).isFalse();
        assertThat(Path.of(report.file())).as(what + ": " + report.verdict()).isEqualTo(snapshot);
        try (Ledger ledger = Ledgers.open(at(f.config, dir))) {
            assertThat(ledger.recovery().snapshotFile()).as(what).isEqualTo(f.olderSnapshot.getFileName().toString());
            for (TransferView v : f.acked.values()) {
                assertThat(ledger.lookupTransfer(v.id()).join()).as(what + ": acknowledged " + v.id()).isEqualTo(Outcome.ok(v));
            }
            for (AccountView a : f.balancesAtEnd.values()) {
                assertThat(ok(ledger.lookupAccount(a.id()).join())).as(what).isEqualTo(a);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ missing files

    /** The segment before a gap, named at its end: where the record log finds that the next one does not follow. */
    static void expectGap(Path dir, Fixture f, Path before, String what) {
        expectCorruption(dir, f, before, JournalFiles.size(before), what);
    }

    @Test
    void aMissingSegmentAfterTheSnapshotStopsStartUp() {
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        Path holding = JournalFiles.records(log(multi.dir)).stream().filter(r -> r.sequence() == multi.snapshotSequence)
                .findFirst().orElseThrow().file();
        int from = segments.indexOf(holding) + 1;
        assertThat(segments.size() - from).as("seed=%d", seed).isGreaterThanOrEqualTo(2);
        int victim = from + rnd.nextInt(segments.size() - from - 1); // a middle one: another segment follows it
        Path dir = copy(multi);
        Path deleted = same(segments.get(victim), dir, multi);
        delete(deleted);
        expectGap(dir, multi, same(segments.get(victim - 1), dir, multi), "seed=" + seed + " deleted " + deleted.getFileName());
    }

    /**
     * A crash just after the writer rolled to a new segment leaves it with its header only; if the segment before
     * it is then lost, the record log's contiguity check still finds the gap.
     */
    @Test
    void aMissingSegmentBeforeAnEmptyNewestSegmentStopsStartUp() {
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        Path dir = copy(multi);
        Path newest = same(segments.getLast(), dir, multi);
        long nextBase = JournalFiles.baseOf(newest) + JournalFiles.size(newest);
        Path empty = log(dir).resolve(String.format("segment-%020d.log", nextBase));
        JournalFiles.write(empty, JournalFiles.segmentHeader(nextBase));
        try (Ledger ledger = Ledgers.open(at(multi.config, dir))) {
            assertThat(ledger.lookupTransfer("last0").join().isOk()).as("an empty newest segment is harmless").isTrue();
        }
        delete(newest);
        expectGap(dir, multi, same(segments.get(segments.size() - 2), dir, multi), "seed=" + seed + " deleted "
                + newest.getFileName() + " before an empty newest segment");
    }

    /** Unlike the previous journal, where only verify and an index rebuild read so far back, start-up finds it too. */
    @Test
    void aMissingSegmentBeforeTheSnapshotStopsStartUpAndIsNamedByVerify() {
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        Path holding = JournalFiles.records(log(multi.dir)).stream().filter(r -> r.sequence() == multi.snapshotSequence)
                .findFirst().orElseThrow().file();
        int holdingAt = segments.indexOf(holding);
        assertThat(holdingAt).as("seed=%d", seed).isGreaterThanOrEqualTo(2);
        int victim = 1 + rnd.nextInt(holdingAt - 1);
        Path dir = copy(multi);
        Path deleted = same(segments.get(victim), dir, multi);
        delete(deleted);
        expectGap(dir, multi, same(segments.get(victim - 1), dir, multi), "seed=" + seed + " deleted " + deleted.getFileName());
    }

    /**
     * Whole segments lost after the snapshot leave a journal that replays cleanly but ends early. The
     * index has seen the lost batches (it only ever indexes durable ones), so start-up must refuse rather
     * than rebuild the index and forget acknowledged transfers.
     */
    @Test
    void newestSegmentsLostAfterTheSnapshotStopStartUpBecauseTheIndexSawThem() {
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        List<Record> records = JournalFiles.records(log(multi.dir));
        Path holding = records.stream().filter(r -> r.sequence() == multi.snapshotSequence).findFirst().orElseThrow().file();
        int holdingAt = segments.indexOf(holding);
        // Keep the snapshot's own segment. The newest segment may hold no batch (just rolled): losing only it loses
        // nothing, and the ledger rightly opens, so then at least one segment with records goes too.
        int minLose = JournalFiles.size(segments.getLast()) == JournalFiles.SEGMENT_HEADER ? 2 : 1;
        assertThat(segments.size() - holdingAt - 1).as("seed=%d: segments after the snapshot's", seed).isGreaterThanOrEqualTo(minLose);
        int lose = minLose + rnd.nextInt(segments.size() - holdingAt - minLose);
        Path dir = copy(multi);
        for (int i = segments.size() - lose; i < segments.size(); i++) {
            delete(same(segments.get(i), dir, multi));
        }
        Path end = same(segments.get(segments.size() - lose - 1), dir, multi);
        String what = "seed=" + seed + " lost the newest " + lose + " segment(s)";
        CorruptionException e = openExpectingCorruption(at(multi.config, dir), what);
        assertThat(e.file()).as(what + ": " + e.getMessage()).isEqualTo(end);
        assertThat(e.offset()).as(what).isEqualTo(JournalFiles.size(end));
        assertThat(e.getMessage()).as(what).contains("journal records are missing");
    }

    @Test
    void aJournalShorterThanTheSnapshotStopsStartUp() {
        // Whole segments lost at the end (multi-segment journal).
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        List<Record> records = JournalFiles.records(log(multi.dir));
        Path holding = records.stream().filter(r -> r.sequence() == multi.snapshotSequence).findFirst().orElseThrow().file();
        Path dir = copy(multi);
        int holdingAt = segments.indexOf(holding);
        int keepUpTo = holdingAt - 1 - rnd.nextInt(Math.min(2, holdingAt)); // the snapshot's own segment goes too
        for (int i = keepUpTo + 1; i < segments.size(); i++) {
            delete(same(segments.get(i), dir, multi));
        }
        Path end = same(segments.get(keepUpTo), dir, multi);
        CorruptionException e = expectCorruption(dir, multi, end, JournalFiles.size(end),
                "seed=" + seed + " kept segments up to " + end.getFileName());
        assertThat(e.getMessage()).contains("snapshot").contains("acknowledged batches are missing");

        // A single segment cut cleanly at a batch boundary before the snapshot's batch.
        List<Record> one = JournalFiles.records(log(single.dir));
        List<Record> early = one.stream().filter(r -> r.sequence() < single.snapshotSequence).toList();
        Record cutAfter = early.get(rnd.nextInt(early.size()));
        Path dir2 = copy(single);
        Path segment = same(cutAfter.file(), dir2, single);
        JournalFiles.truncate(segment, cutAfter.end());
        expectCorruption(dir2, single, segment, cutAfter.end(),
                "seed=" + seed + " cut the journal after batch " + cutAfter.sequence());
    }

    /**
     * Tampering that keeps every checksum right (an event's bytes changed and its frame re-checksummed) is caught by
     * the hash chain, named at the batch's first frame: by start-up after the snapshot, by verify anywhere.
     */
    @Test
    void aRewrittenEventWithAValidChecksumBreaksTheHashChain() {
        List<Record> all = JournalFiles.records(log(single.dir));
        rewriteAndExpect(all.stream().filter(r -> r.sequence() > single.snapshotSequence).toList().subList(0, 2), true);
        rewriteAndExpect(all.stream().filter(r -> r.sequence() <= single.snapshotSequence).toList(), false);
    }

    private static void rewriteAndExpect(List<Record> records, boolean startUpReadsIt) {
        Record r = records.get(rnd.nextInt(records.size()));
        JournalFiles.Frame event = r.frames().get(rnd.nextInt(r.frames().size() - 1));
        Path dir = copy(single);
        Path segment = same(r.file(), dir, single);
        long at = event.offset() + JournalFiles.FRAME_HEADER + 1 + rnd.nextInt(event.payloadBytes() - 1);
        JournalFiles.flip(segment, at, 1 + rnd.nextInt(255));
        JournalFiles.rechecksum(segment, event);
        String what = "seed=" + seed + " rewrote byte " + at + " of batch " + r.sequence() + " and its frame checksum";
        if (startUpReadsIt) {
            CorruptionException e = expectCorruption(dir, single, segment, r.offset(), what);
            assertThat(e.getMessage()).as(what).contains("record hash mismatch");
        } else {
            VerifyReport report = LedgerVerifier.verify(dir, single.config.currencies(), null);
            assertThat(report.ok()).as(what).isFalse();
            assertThat(report.verdict()).as(what).contains("record hash mismatch");
            assertThat(Path.of(report.file())).as(what).isEqualTo(segment);
            assertThat(report.offset()).as(what).isEqualTo(r.offset());
        }
    }

    // ------------------------------------------------------------------------------------------ the rest

    @Test
    void theUndamagedLedgersVerify() {
        for (Fixture f : List.of(single, multi)) {
            VerifyReport report = LedgerVerifier.verify(f.dir, f.config.currencies(), null);
            assertThat(report.ok()).as(report.verdict()).isTrue();
            assertThat(report.snapshotsChecked()).isEqualTo(2);
            assertThat(report.transfers()).isEqualTo(f.acked.size());
            assertThat(report.tornTailBytes()).isZero();
            assertThat(report.file()).isNull();
        }
    }

    @Test
    void aFailedStartUpReleasesTheDataDirectoryAndTheIndex() {
        List<Path> segments = JournalFiles.segments(log(multi.dir));
        Path dir = copy(multi);
        delete(same(segments.get(2), dir, multi));
        JournalFiles.deleteTree(dir.resolve("index"));
        openExpectingCorruption(at(multi.config, dir), "deleted segment 2 and the index");
        // Nothing stays locked in this process: the index and the data directory can be opened again.
        new TransferIndex(dir.resolve("index")).close();
        JournalFiles.write(same(segments.get(2), dir, multi), JournalFiles.read(segments.get(2)));
        try (Ledger ledger = Ledgers.open(at(multi.config, dir))) {
            assertThat(ledger.lookupTransfer("last0").join().isOk()).isTrue();
        }
    }

    static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
