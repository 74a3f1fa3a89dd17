package dev.farthing.watchtower.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.watchtower.Watchtower;
import dev.farthing.watchtower.WatchtowerConfig;
import dev.farthing.watchtower.client.TowerClient;
import dev.farthing.watchtower.client.TowerJusticeListener;
import dev.farthing.watchtower.engine.EngineClient;
import dev.farthing.watchtower.follow.CrashPoint;
import dev.farthing.watchtower.http.UploadAuth;
import dev.farthing.watchtower.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchtower attacks against a real engine: Bob broadcasts a state he has revoked while Alice is
 * offline; Alice's tower punishes it and every unit goes to Alice, even when the tower dies between seeing
 * the close and submitting the penalty.
 */
class WatchtowerEndToEndTest {
    private static final long SEED = Long.getLong("farthing.seed", System.nanoTime());
    private static final String TOKEN = "e2e-tower-token-0123456789";
    private static final long FUNDS = 10_000;
    private static final long DEPOSIT_A = 6_000;
    private static final long DEPOSIT_B = 4_000;
    @TempDir
    Path dir;
    private volatile Engine engine;
    private Parties parties;
    private volatile Instant windowEnds;

    @BeforeEach
    void openChannel() {
        System.out.println("seed=" + SEED);
        Random random = new Random(SEED);
        byte[] id = new byte[32];
        random.nextBytes(id);
        engine = new Engine(dir);
        engine.ok("/v1/accounts", "{\"id\":\"bank\",\"currency\":\"USD\",\"kind\":\"settlement\"}");
        for (String who : List.of("alice", "bob")) {
            engine.ok("/v1/accounts", "{\"id\":\"" + who + "\",\"currency\":\"USD\",\"kind\":\"wallet\"}");
            engine.ok("/v1/transfers", "{\"id\":\"fund-" + who + "\",\"debit_account\":\"bank\",\"credit_account\":\""
                    + who + "\",\"amount\":" + FUNDS + ",\"currency\":\"USD\"}");
        }
        parties = new Parties(id, dir);
        engine.ok("/v1/channels", parties.openJson(DEPOSIT_A, DEPOSIT_B, 600));
    }

    @AfterEach
    void stop() {
        if (parties.a != null) {
            parties.a.close();
            parties.b.close();
        }
        engine.close();
    }

    @Test
    void staleBroadcastWhileTheVictimIsOfflineIsPunishedByTheTower() throws Exception {
        try (Watchtower tower = Watchtower.start(config(CrashPoint.NONE))) {
            SignedState stale = cheatWhileAliceIsOffline(tower);
            awaitPenalty(stale);
            assertThat(tower.stats().landed()).isEqualTo(1);
        }
    }

    @Test
    void towerCrashBetweenSeeingTheCloseAndSubmittingStillLandsThePenalty() throws Exception {
        CrashPoint crash = point -> {
            if (point.equals(CrashPoint.BEFORE_SUBMIT)) {
                throw new Error("tower killed mid-dispute (injected)");
            }
        };
        SignedState stale;
        try (Watchtower tower = Watchtower.start(config(crash))) {
            stale = cheatWhileAliceIsOffline(tower);
            await(() -> !tower.following(), "the tower dies after matching the close");
            assertThat(channel().path("status").asText()).isEqualTo("closing");
        }
        try (Watchtower restarted = Watchtower.start(config(CrashPoint.NONE))) {
            awaitPenalty(stale);
            assertThat(restarted.stats().landed()).isEqualTo(1);
        }
    }

    @Test
    void crashAfterThePenaltyLandedIsRecognisedAsDoneOnRestart() throws Exception {
        CrashPoint crash = point -> {
            if (point.equals(CrashPoint.BEFORE_CURSOR_SAVE)) {
                throw new Error("tower killed before saving its cursor (injected)");
            }
        };
        SignedState stale;
        try (Watchtower tower = Watchtower.start(config(crash))) {
            stale = cheatWhileAliceIsOffline(tower);
            await(() -> !tower.following(), "the tower dies after landing the penalty");
        }
        try (Watchtower restarted = Watchtower.start(config(CrashPoint.NONE))) {
            // The engine refuses a second penalty on the closed channel; the tower reads the channel back.
            await(() -> restarted.stats().landed() == 1, "the restarted tower counts the penalty as landed");
            assertThat(restarted.stats().refused()).isZero();
            awaitPenalty(stale);
        }
    }

    @Test
    void engineDownWhenTheTowerSubmitsIsRetriedUntilItIsBack() throws Exception {
        // At the moment the tower has matched the close, the engine goes down; it is back a second later.
        Thread[] restarter = new Thread[1];
        CrashPoint engineOutage = point -> {
            if (point.equals(CrashPoint.BEFORE_SUBMIT) && restarter[0] == null) {
                // The close's event is durable before Bob's reply is sent: let the reply reach Bob first.
                await(() -> windowEnds != null, "Bob's close is acknowledged");
                Engine old = engine;
                int port = old.server.port();
                old.close();
                restarter[0] = Thread.ofPlatform().start(() -> {
                    sleep(1_000);
                    engine = new Engine(dir, port, old.operatorKey);
                });
            }
        };
        try (Watchtower tower = Watchtower.start(config(engineOutage))) {
            SignedState stale = cheatWhileAliceIsOffline(tower);
            await(() -> restarter[0] != null, "the engine goes down");
            restarter[0].join();
            awaitPenalty(stale);
            assertThat(tower.stats().landed()).isEqualTo(1);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Bob pays in, then is paid back more; Bob keeps the signed state that favoured him, Alice's SDK hands
     * the tower the blob for every state Bob revokes, Alice goes offline, and Bob broadcasts the stale state.
     */
    private SignedState cheatWhileAliceIsOffline(Watchtower tower) throws Exception {
        TowerClient client = new TowerClient(URI.create("http://127.0.0.1:" + tower.port()), TOKEN);
        SignedState stale;
        try (TowerJusticeListener toTower = new TowerJusticeListener(client, 1024)) {
            parties.openOffLedger(DEPOSIT_A, DEPOSIT_B, toTower);
            parties.pay(Party.A, 3_000);
            stale = parties.b.latest();
            parties.pay(Party.B, 5_000);
            parties.pay(Party.B, 500);
            assertThat(toTower.awaitUploaded(Duration.ofSeconds(20))).isTrue();
        }
        assertThat(tower.blobs()).isEqualTo(3);
        parties.a.close();
        JsonNode closing = engine.ok("/v1/channels/" + parties.idHex() + "/close", parties.bobCloses(stale));
        windowEnds = Instant.parse(closing.path("closes_at").asText());
        System.out.println("Bob broadcast revoked state " + stale.state().nonce() + "; window ends " + windowEnds);
        return stale;
    }

    private void awaitPenalty(SignedState stale) {
        long t0 = System.nanoTime();
        await(() -> channel().path("status").asText().equals("closed"), "the channel is settled");
        System.out.printf("penalty settled %d ms after we started waiting%n", (System.nanoTime() - t0) / 1_000_000);
        JsonNode c = channel();
        assertThat(c.path("settlement").path("reason").asText()).isEqualTo("penalty");
        assertThat(c.path("settlement").path("to_a").asLong()).isEqualTo(DEPOSIT_A + DEPOSIT_B);
        assertThat(c.path("settlement").path("to_b").asLong()).isZero();
        assertThat(Instant.parse(c.path("settlement").path("at").asText())).isBefore(windowEnds);
        assertThat(stale.state().nonce()).isEqualTo(1);
        assertThat(engine.balance("alice")).isEqualTo(FUNDS + DEPOSIT_B);
        assertThat(engine.balance("bob")).isEqualTo(FUNDS - DEPOSIT_B);
    }

    /** The tower's clock runs five hours ahead of the engine's: windows are judged by ledger time, so nothing changes. */
    private static final Clock SKEWED = Clock.offset(Clock.systemUTC(), Duration.ofHours(5));

    private JsonNode channel() {
        return engine.get("/v1/channels/" + parties.idHex()).json();
    }

    private WatchtowerConfig config(CrashPoint crash) {
        EngineClient client = new EngineClient(engine.uri(), engine.operatorKey);
        return new WatchtowerConfig(StoreOptions.defaults(dir.resolve("tower")), "127.0.0.1", 0,
                new UploadAuth(TOKEN, List.of()), client, client, SKEWED, Duration.ofMillis(200), crash);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
