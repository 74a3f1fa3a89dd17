package dev.farthing.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.SignedState;
import dev.farthing.client.oneway.ClaimVerifier;
import dev.farthing.client.oneway.PayerChannel;
import dev.farthing.client.oneway.SignedClaim;
import dev.farthing.client.twoway.ClosingSignatures;
import dev.farthing.client.twoway.JusticeMaterial;
import dev.farthing.client.twoway.StateStore;
import dev.farthing.client.twoway.TwoWayChannel;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Signer;
import dev.farthing.keys.Wallet;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.server.ApiKeys;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.Role;
import dev.farthing.server.ServerOptions;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real server (real ledger, temp dir): wallet and merchant sides, both channel kinds. */
class SdkEndToEndTest {
    private static final Wallet ALICE = Wallet.fromMnemonic(
            "legal winner thank year wave sausage worth useful legal winner thank yellow", "");
    private static final Wallet BOB = Wallet.fromMnemonic(
            "letter advice cage absurd amount doctor acoustic avoid letter advice cage above", "");
    @TempDir
    static Path dir;
    static FarthingServer server;
    static FarthingHttp http;
    static ChannelsClient channels;
    static int channelIndex;

    @BeforeAll
    static void start() {
        Path data = dir.resolve("data");
        server = FarthingServer.start(new ServerOptions(data, "127.0.0.1", 0, LedgerConfig.defaults(data)));
        http = new FarthingHttp(URI.create("http://127.0.0.1:" + server.port()), ApiKeys.create(data, Role.OPERATOR, "sdk"));
        channels = new ChannelsClient(http);
        account("bank", "settlement");
        for (String w : new String[] {"alice", "bob"}) {
            account(w, "wallet");
            http.post("/v1/transfers", FarthingHttp.object().put("id", "fund-" + w).put("debit_account", "bank")
                    .put("credit_account", w).put("amount", 10_000).put("currency", "USD"));
        }
        boolean routes = server.routes().stream().anyMatch(r -> r.toString().contains("/v1/channels"));
        assumeTrue(routes || probeChannelRoutes(), "channel routes are not wired into this farthing-server build yet");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oneWayWalletSignsMerchantVerifiesOfflineAndRedeems() {
        byte[] id = randomId();
        Signer payerKey = ALICE.key(KeyFamily.SIGNING, ++channelIndex);
        ChannelView opened = channels.open(ChannelsClient.OpenRequest.oneWay(id, "alice", "bob", 1_000, "USD",
                payerKey.publicKey(), 3_600));
        assertThat(opened.status()).isEqualTo("open");
        PayerChannel wallet = new PayerChannel(id, payerKey, 1_000);
        ClaimVerifier merchant = new ClaimVerifier(id, opened.raw().path("public_key").asText(), opened.deposit());
        for (int i = 0; i < 5; i++) {
            assertThat(merchant.offer(wallet.pay(40)).accepted()).isTrue(); // offline, no server round trip
        }
        SignedClaim best = merchant.best();
        ChannelsClient.Redemption r = channels.redeem(id, best.amount(), best.signature());
        assertThat(r.redeemed()).isEqualTo(200);
        assertThat(r.channel().paid()).isEqualTo(200);
        assertThatThrownBy(() -> channels.redeem(id, best.amount(), best.signature()))
                .isInstanceOfSatisfying(FarthingApiException.class, e -> assertThat(e.code()).isEqualTo("claim_not_above_paid"));
        SignedClaim tooBig = new PayerChannel(id, payerKey, 5_000).claim(1_001);
        assertThatThrownBy(() -> channels.redeem(id, 1_001, tooBig.signature()))
                .isInstanceOfSatisfying(FarthingApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("claim_exceeds_deposit");
                    assertThat(e.status()).isEqualTo(422);
                });
        ChannelView closing = channels.closeByPayer(id, wallet.signPayerClose());
        assertThat(closing.status()).isIn("closing", "closed");
    }

    @Test
    void twoWayStaleBroadcastIsPunishedWithTheRevocationSecret() {
        int index = ++channelIndex;
        byte[] id = randomId();
        List<JusticeMaterial> towerForBob = new ArrayList<>();
        channels.open(ChannelsClient.OpenRequest.twoWay(id, "alice", "bob", 300, 200, "USD",
                ALICE.key(KeyFamily.SIGNING, index).publicKey(), BOB.key(KeyFamily.SIGNING, index).publicKey(),
                ALICE.key(KeyFamily.DISPUTE, index).publicKey(), BOB.key(KeyFamily.DISPUTE, index).publicKey(), 600));
        TwoWayChannel a = party(ALICE, BOB, Party.A, id, index, new ArrayList<>());
        TwoWayChannel b = party(BOB, ALICE, Party.B, id, index, towerForBob);
        open(a, b, 300, 200);
        a.complete(b.accept(a.propose(250, 250)));
        SignedState stale = a.latest();
        a.complete(b.accept(a.propose(200, 300)));
        a.flush().forEach(b::receive);
        b.flush().forEach(a::receive);
        assertThat(towerForBob).extracting(JusticeMaterial::revokedNonce).containsExactly(0L, 1L);

        // Alice cheats: she broadcasts state 1, in which she holds more, though she revoked it.
        ChannelView closing = channels.closeUnilateral(id, Party.A, stale,
                ClosingSignatures.submission(ALICE.key(KeyFamily.DISPUTE, index), Party.A, stale.state()));
        assertThat(closing.status()).isEqualTo("closing");
        assertThat(closing.closingNonce()).isEqualTo(1);
        ChannelView punished = channels.disputeWithSecret(id, 1, b.peerSecretFor(1));
        assertThat(punished.settlementReason()).isEqualTo("penalty");
        assertThat(punished.settledToB()).isEqualTo(500);
        a.close();
        b.close();
    }

    @Test
    void twoWayCooperativeCloseSettlesTheLatestState() {
        int index = ++channelIndex;
        byte[] id = randomId();
        channels.open(ChannelsClient.OpenRequest.twoWay(id, "alice", "bob", 400, 0, "USD",
                ALICE.key(KeyFamily.SIGNING, index).publicKey(), BOB.key(KeyFamily.SIGNING, index).publicKey(),
                ALICE.key(KeyFamily.DISPUTE, index).publicKey(), BOB.key(KeyFamily.DISPUTE, index).publicKey(), 600));
        TwoWayChannel a = party(ALICE, BOB, Party.A, id, index, new ArrayList<>());
        TwoWayChannel b = party(BOB, ALICE, Party.B, id, index, new ArrayList<>());
        open(a, b, 400, 0);
        for (int i = 1; i <= 10; i++) {
            a.complete(b.accept(a.propose(400 - 7 * i, 7 * i)));
        }
        a.flush().forEach(b::receive);
        b.flush().forEach(a::receive);
        var state = a.latest().state();
        ChannelView closed = channels.closeCooperative(id, state,
                ClosingSignatures.cooperative(ALICE.key(KeyFamily.SIGNING, index), state),
                ClosingSignatures.cooperative(BOB.key(KeyFamily.SIGNING, index), state));
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(closed.settledToA()).isEqualTo(330);
        assertThat(closed.settledToB()).isEqualTo(70);
        assertThatThrownBy(() -> channels.closeCooperative(id, state, new byte[64], new byte[64]))
                .isInstanceOf(FarthingApiException.class);
        a.close();
        b.close();
    }

    @Test
    void twoWayHigherStateReplacesAnOlderUnrevokedBroadcast() {
        int index = ++channelIndex;
        byte[] id = randomId();
        channels.open(ChannelsClient.OpenRequest.twoWay(id, "alice", "bob", 300, 200, "USD",
                ALICE.key(KeyFamily.SIGNING, index).publicKey(), BOB.key(KeyFamily.SIGNING, index).publicKey(),
                ALICE.key(KeyFamily.DISPUTE, index).publicKey(), BOB.key(KeyFamily.DISPUTE, index).publicKey(), 600));
        TwoWayChannel a = party(ALICE, BOB, Party.A, id, index, new ArrayList<>());
        TwoWayChannel b = party(BOB, ALICE, Party.B, id, index, new ArrayList<>());
        open(a, b, 300, 200);
        a.complete(b.accept(a.propose(280, 220)));
        SignedState older = a.latest();
        a.complete(b.accept(a.propose(260, 240))); // no flush yet: state 1 is not revoked
        channels.closeUnilateral(id, Party.A, older,
                ClosingSignatures.submission(ALICE.key(KeyFamily.DISPUTE, index), Party.A, older.state()));
        SignedState newer = b.latest();
        ChannelView replaced = channels.disputeWithState(id, Party.B, newer,
                ClosingSignatures.submission(BOB.key(KeyFamily.DISPUTE, index), Party.B, newer.state()));
        assertThat(replaced.closingNonce()).isEqualTo(2);
        assertThat(replaced.status()).isEqualTo("closing");
        a.close();
        b.close();
    }

    @Test
    void rotationMidChannelRetiresTheOldKey() {
        int index = ++channelIndex;
        byte[] id = randomId();
        channels.open(ChannelsClient.OpenRequest.twoWay(id, "alice", "bob", 300, 0, "USD",
                ALICE.key(KeyFamily.SIGNING, index).publicKey(), BOB.key(KeyFamily.SIGNING, index).publicKey(),
                ALICE.key(KeyFamily.DISPUTE, index).publicKey(), BOB.key(KeyFamily.DISPUTE, index).publicKey(), 600));
        TwoWayChannel a = party(ALICE, BOB, Party.A, id, index, new ArrayList<>());
        TwoWayChannel b = party(BOB, ALICE, Party.B, id, index, new ArrayList<>());
        open(a, b, 300, 0);
        a.complete(b.accept(a.propose(290, 10)));
        Signer oldKey = ALICE.key(KeyFamily.SIGNING, index);
        Signer newKey = ALICE.key(KeyFamily.SIGNING, index, 1);
        var rotation = new dev.farthing.channel.protocol.Rotation(id, Party.A, 1, newKey.publicKey());
        byte[][] sigs = ClosingSignatures.rotation(rotation, oldKey, ALICE.key(KeyFamily.DISPUTE, index));
        channels.rotate(id, Party.A, 1, newKey.publicKey(), sigs[0], sigs[1]);
        a.rotateOwnKey(newKey);
        b.peerRotated(newKey.publicKey());
        a.complete(b.accept(a.propose(280, 20)));
        var state = a.latest().state();
        Signer bobKey = BOB.key(KeyFamily.SIGNING, index);
        assertThatThrownBy(() -> channels.closeCooperative(id, state, ClosingSignatures.cooperative(oldKey, state),
                ClosingSignatures.cooperative(bobKey, state))).isInstanceOf(FarthingApiException.class);
        ChannelView closed = channels.closeCooperative(id, state, ClosingSignatures.cooperative(newKey, state),
                ClosingSignatures.cooperative(bobKey, state));
        assertThat(closed.settledToB()).isEqualTo(20);
        a.close();
        b.close();
    }

    private static TwoWayChannel party(Wallet mine, Wallet theirs, Party me, byte[] id, int index, List<JusticeMaterial> sink) {
        return TwoWayChannel.open(new TwoWayChannel.Config(id, me, mine.key(KeyFamily.SIGNING, index),
                theirs.key(KeyFamily.SIGNING, index).publicKey(), mine.channelSecretSeed(index), sink::add),
                StateStore.open(dir.resolve(me + "-" + index + ".state")));
    }

    private static void open(TwoWayChannel a, TwoWayChannel b, long balanceA, long balanceB) {
        byte[] sigA = a.signInitial(b.opening(), balanceA, balanceB);
        byte[] sigB = b.signInitial(a.opening(), balanceA, balanceB);
        a.completeInitial(sigB);
        b.completeInitial(sigA);
    }

    private static void account(String id, String kind) {
        http.post("/v1/accounts", FarthingHttp.object().put("id", id).put("currency", "USD").put("kind", kind));
    }

    private static boolean probeChannelRoutes() {
        try {
            http.get("/v1/channels/" + "00".repeat(32));
            return true;
        } catch (FarthingApiException e) {
            return "channel_not_found".equals(e.code());
        }
    }

    private static byte[] randomId() {
        byte[] id = new byte[32];
        new SecureRandom().nextBytes(id);
        return id;
    }
}
