package dev.farthing.watchtower.follow;

import dev.farthing.watchtower.Watchtower;
import dev.farthing.watchtower.WatchtowerConfig;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.channel.protocol.Party;
import dev.farthing.watchtower.client.TowerClient;
import dev.farthing.watchtower.client.TowerException;
import dev.farthing.watchtower.http.UploadAuth;
import dev.farthing.watchtower.store.StoreOptions;
import dev.farthing.watchtower.store.StoreResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tower end to end against a scripted event stream and a recording engine. */
class FollowerTest {
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    private static final String TOKEN = "tower-test-token-0123456789";
    private final Random random = new Random(SEED);
    private final ScriptedEvents events = new ScriptedEvents(500);
    private final RecordingSubmitter engine = new RecordingSubmitter();
    @TempDir
    Path dir;

    FollowerTest() {
        System.out.println("seed=" + SEED);
    }

    @Test
    void punishesTheRevokedStateAndIgnoresEverythingElse() {
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            Revoked r = revoked(4);
            assertThat(client(tower).watch(r.commitment, r.payload)).isEqualTo(StoreResult.STORED);
            assertThat(client(tower).watch(r.commitment, r.payload)).isEqualTo(StoreResult.STORED);
            events.append("close_started", hex(bytes(32)), bytes(124), 9, window());
            events.append("channel_opened", r.payload.channelIdHex(), null, 0, null);
            long seq = events.append("close_started", r.payload.channelIdHex(), r.commitment, 4, window());
            events.append("close_started", hex(bytes(32)), bytes(124), 2, window());

            await(() -> tower.cursor() == 4, "cursor reaches 4");
            assertThat(engine.submitted).containsExactly(r.payload);
            assertThat(tower.stats().closes()).isEqualTo(3);
            assertThat(tower.stats().matched()).isEqualTo(1);
            assertThat(tower.stats().landed()).isEqualTo(1);
            assertThat(seq).isEqualTo(3);
        }
    }

    @Test
    void aRevokedStateSwappedInDuringTheWindowIsPunishedToo() {
        Revoked first = revoked(3);
        Revoked second = new Revoked(bytes(124), new JusticePayload(first.payload.channelId(), 5, bytes(32), Party.A));
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            client(tower).watch(second.commitment, second.payload);
            events.append("close_started", first.payload.channelIdHex(), first.commitment, 3, window());
            events.append("state_replaced", first.payload.channelIdHex(), second.commitment, 5, window());
            await(() -> tower.cursor() == 2, "both events handled");
            assertThat(engine.submitted).containsExactly(second.payload);
        }
    }

    @Test
    void crashBeforeSubmittingIsRecoveredByRestart() {
        Revoked r = revoked(11);
        CrashPoint crashOnce = point -> {
            if (point.equals(CrashPoint.BEFORE_SUBMIT)) {
                throw new SimulatedCrash();
            }
        };
        try (Watchtower tower = Watchtower.start(config(crashOnce))) {
            client(tower).watch(r.commitment, r.payload);
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 11, window());
            await(() -> !tower.following(), "the follower crashes");
            assertThat(engine.submitted).isEmpty();
            assertThat(tower.cursor()).isZero();
        }
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            await(() -> tower.cursor() == 1, "the restarted tower re-reads the close");
            assertThat(engine.submitted).containsExactly(r.payload);
            assertThat(tower.blobs()).isEqualTo(1);
        }
    }

    @Test
    void crashAfterLandingBeforeTheCursorIsSavedResubmitsIdempotently() {
        Revoked r = revoked(5);
        CrashPoint crash = point -> {
            if (point.equals(CrashPoint.BEFORE_CURSOR_SAVE)) {
                throw new SimulatedCrash();
            }
        };
        try (Watchtower tower = Watchtower.start(config(crash))) {
            client(tower).watch(r.commitment, r.payload);
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 5, window());
            await(() -> !tower.following(), "the follower crashes");
        }
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            await(() -> tower.cursor() == 1, "the restarted tower finishes the page");
        }
        // The engine saw the same penalty twice and answers the second one idempotently.
        assertThat(engine.submitted).containsExactly(r.payload, r.payload);
    }

    @Test
    void retriesAnUnreachableEngineThenLands() {
        engine.transientFailures.set(3);
        Revoked r = revoked(2);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            client(tower).watch(r.commitment, r.payload);
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 2, window());
            await(() -> tower.stats().landed() == 1, "the penalty lands after retries");
            assertThat(engine.submitted).containsExactly(r.payload);
        }
    }

    @Test
    void givesUpWhenTheWindowHasClosedAndMovesOn() {
        engine.transientFailures.set(Integer.MAX_VALUE);
        Revoked r = revoked(2);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            client(tower).watch(r.commitment, r.payload);
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 2, Instant.now().plusMillis(300));
            await(() -> tower.cursor() == 1, "the follower moves past the missed window");
            assertThat(tower.stats().missed()).isEqualTo(1);
            assertThat(tower.stats().landed()).isZero();
        }
    }

    @Test
    void aDecoyUnderTheSameHintDoesNotHideTheRealBlob() {
        Revoked r = revoked(8);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            client(tower).watch(r.commitment, r.payload);
            // The cheater knows the commitment too: a blob that opens but names another nonce, and garbage.
            JusticePayload lie = new JusticePayload(r.payload.channelId(), 99, bytes(32), Party.B);
            client(tower).watch(r.commitment, lie);
            byte[] garbage = JusticeBlob.seal(r.commitment, lie, new SecureRandom()).blob();
            garbage[40] ^= 1;
            client(tower).upload(new dev.farthing.watchtower.blob.SealedBlob(
                    dev.farthing.watchtower.blob.Hint.ofCommitment(r.commitment), garbage));
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 8, window());
            await(() -> tower.cursor() == 1, "the close is handled");
            assertThat(engine.submitted).containsExactly(r.payload);
        }
    }

    @Test
    void aTowerClockHoursAheadStillPunishesInsideTheLedgersWindow() {
        Instant ledger = Instant.now();
        events.ledgerTime(() -> ledger);
        Clock sixHoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(6));
        Revoked r = revoked(6);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE, sixHoursAhead, new UploadAuth(TOKEN, List.of())))) {
            client(tower).watch(r.commitment, r.payload);
            // By the tower's own clock this window closed five hours ago; by the ledger it is open for an hour.
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 6, ledger.plusSeconds(3600));
            await(() -> tower.cursor() == 1, "the close is handled");
            assertThat(engine.submitted).containsExactly(r.payload);
            assertThat(tower.stats().missed()).isZero();
            assertThat(tower.ledgerTime()).isEqualTo(ledger);
            assertThat(client(tower).health().path("clock_skew_ms").asLong())
                    .isBetween(Duration.ofHours(6).toMillis() - 60_000, Duration.ofHours(6).toMillis() + 60_000);
        }
    }

    @Test
    void aTowerClockHoursBehindNeverActsAfterTheLedgersWindow() {
        Instant ledger = Instant.now();
        events.ledgerTime(() -> ledger.minus(Duration.ofHours(2)));
        Clock sixHoursBehind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-6));
        Revoked r = revoked(7);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE, sixHoursBehind, new UploadAuth(TOKEN, List.of())))) {
            client(tower).watch(r.commitment, r.payload);
            // Emitted two hours ago (ledger time) with a one-hour window, read by the tower only now: by its own
            // clock the window has five hours left; by the ledger it closed an hour ago.
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 7, ledger.minus(Duration.ofHours(1)));
            events.ledgerTime(() -> ledger);
            await(() -> tower.cursor() == 1, "the close is handled");
            assertThat(engine.submitted).as("no penalty after the ledger's window").isEmpty();
            assertThat(tower.stats().missed()).isEqualTo(1);
        }
    }

    @Test
    void theWindowClosingInLedgerTimeDuringRetriesStopsTheAttempts() {
        AtomicReference<Instant> ledger = new AtomicReference<>(Instant.now());
        events.ledgerTime(ledger::get);
        engine.transientFailures.set(Integer.MAX_VALUE);
        Revoked r = revoked(9);
        Clock frozenTowerClock = Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE, frozenTowerClock, new UploadAuth(TOKEN, List.of())))) {
            client(tower).watch(r.commitment, r.payload);
            Instant windowEnds = ledger.get().plusSeconds(60);
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 9, windowEnds);
            await(() -> engine.transientFailures.get() < Integer.MAX_VALUE - 2, "a few failed attempts");
            ledger.set(windowEnds);
            await(() -> tower.cursor() == 1, "the follower gives up when the ledger passes the window");
            int attempts = Integer.MAX_VALUE - engine.transientFailures.get();
            sleep(300);
            assertThat(Integer.MAX_VALUE - engine.transientFailures.get()).as("no attempt after the window").isEqualTo(attempts);
            assertThat(tower.stats().missed()).isEqualTo(1);
        }
    }

    @Test
    void anotherClientsDecoysUnderTheSameHintNeitherCrowdNorHideTheBlob() {
        String mallory = "mallory-token-0123456789";
        UploadAuth auth = new UploadAuth(java.util.Map.of("alice", TOKEN, "mallory", mallory), java.util.Map.of());
        Revoked r = revoked(12);
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE, Clock.systemUTC(), auth))) {
            TowerClient m = new TowerClient(URI.create("http://127.0.0.1:" + tower.port()), mallory);
            dev.farthing.watchtower.blob.Hint hint = dev.farthing.watchtower.blob.Hint.ofCommitment(r.commitment);
            for (int i = 0; i < StoreOptions.defaults(dir).maxPerHint(); i++) {
                m.watch(r.commitment, new JusticePayload(r.payload.channelId(), 100 + i, bytes(32), Party.B));
            }
            assertThatThrownBy(() -> m.watch(r.commitment, r.payload)).isInstanceOf(TowerException.class)
                    .extracting(e -> ((TowerException) e).code()).isEqualTo("hint_full");
            // Mallory filled her own chain for the hint; Alice's is untouched and still takes her blob.
            assertThat(client(tower).blobsUnder(hint)).isZero();
            assertThat(client(tower).watch(r.commitment, r.payload)).isEqualTo(StoreResult.STORED);
            assertThat(client(tower).blobsUnder(hint)).isEqualTo(1);
            assertThat(client(tower).account().path("blobs").asInt()).isEqualTo(1);
            assertThat(m.account().path("blobs").asInt()).isEqualTo(StoreOptions.defaults(dir).maxPerHint());
            events.append("close_started", r.payload.channelIdHex(), r.commitment, 12, window());
            await(() -> tower.cursor() == 1, "the close is handled");
            assertThat(engine.submitted).containsExactly(r.payload);
        }
    }

    @Test
    void uploadsNeedTheTokenAndWellFormedBodies() {
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            Revoked r = revoked(1);
            TowerClient wrong = new TowerClient(URI.create("http://127.0.0.1:" + tower.port()), "not-the-token-at-all");
            assertThatThrownBy(() -> wrong.watch(r.commitment, r.payload)).isInstanceOf(TowerException.class)
                    .extracting(e -> ((TowerException) e).code()).isEqualTo("unauthorized");
            assertThat(tower.blobs()).isZero();
            assertThat(client(tower).health().path("status").asText()).isEqualTo("ok");
        }
    }

    private WatchtowerConfig config(CrashPoint crash) {
        return config(crash, Clock.systemUTC(), new UploadAuth(TOKEN, List.of()));
    }

    private WatchtowerConfig config(CrashPoint crash, Clock towerClock, UploadAuth auth) {
        return new WatchtowerConfig(StoreOptions.defaults(dir), "127.0.0.1", 0, auth, events, engine,
                towerClock, Duration.ofMillis(50), crash);
    }

    private static TowerClient client(Watchtower tower) {
        return new TowerClient(URI.create("http://127.0.0.1:" + tower.port()), TOKEN);
    }

    private record Revoked(byte[] commitment, JusticePayload payload) {
    }

    private Revoked revoked(long nonce) {
        return new Revoked(bytes(124), new JusticePayload(bytes(32), nonce, bytes(32), Party.A));
    }

    private static Instant window() {
        return Instant.now().plusSeconds(3600);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Thrown at a crash point: kills the follower thread where it stands. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
