package dev.farthing.server;

import dev.farthing.channel.protocol.ChannelState;
import dev.farthing.channel.protocol.Claim;
import dev.farthing.channel.protocol.CloseSubmission;
import dev.farthing.channel.protocol.Party;
import dev.farthing.channel.protocol.RevocationSecrets;
import dev.farthing.channel.protocol.XrplKeys;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.Hex;
import dev.farthing.keys.SoftwareSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel routes end to end: shapes, codes, roles and the watchtower event stream. */
class ChannelHttpTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    @TempDir
    static Path dir;
    static TestServer t;

    @BeforeAll
    static void start() {
        t = TestServer.start(dir);
        assertThat(t.createAccount("bank", "settlement").status()).isEqualTo(201);
        for (String w : new String[] {"alice", "bob"}) {
            assertThat(t.createAccount(w, "wallet").status()).isEqualTo(201);
            assertThat(t.transfer("fund-" + w, "bank", w, 10_000).status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void oneWayClaimsOverHttp() {
        SoftwareSigner payer = Ed25519.generate(RANDOM);
        long bobBefore = t.balance("bob");
        String id = Hex.encode(random32()).toUpperCase();
        String open = "{\"id\":\"" + id + "\",\"kind\":\"one_way\",\"payer\":\"alice\",\"payee\":\"bob\",\"amount\":1000,"
                + "\"currency\":\"USD\",\"public_key\":\"" + XrplKeys.toXrpl(payer.publicKey()) + "\",\"settle_delay_s\":3600}";
        TestServer.Resp opened = t.post("/v1/channels", open);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("locked").asLong()).isEqualTo(1000);
        assertThat(t.post("/v1/channels", open).status()).isEqualTo(200);
        byte[] raw = Hex.decode(id);
        TestServer.Resp claim = t.post("/v1/channels/" + id + "/claims",
                "{\"amount\":400,\"signature\":\"" + Hex.encode(payer.sign(new Claim(raw, 400).bytes())) + "\"}");
        assertThat(claim.status()).as(claim.body()).isEqualTo(200);
        assertThat(claim.json().get("redeemed").asLong()).isEqualTo(400);
        TestServer.Resp over = t.post("/v1/channels/" + id + "/claims",
                "{\"amount\":1001,\"signature\":\"" + Hex.encode(payer.sign(new Claim(raw, 1001).bytes())) + "\"}");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("claim_exceeds_deposit");
        assertThat(over.contentType()).contains("problem+json");
        TestServer.Resp bad = t.post("/v1/channels/" + id + "/claims", "{\"amount\":500,\"signature\":\"" + "00".repeat(64) + "\"}");
        assertThat(bad.code()).isEqualTo("invalid_signature");
        assertThat(t.post("/v1/channels/" + id + "/claims", "{\"amount\":500,\"sig\":\"x\"}").status()).isEqualTo(400);
        assertThat(t.send("POST", "/v1/channels/" + id + "/fund", "{\"amount\":5}", t.auditorKey).status()).isEqualTo(403);
        assertThat(t.send("GET", "/v1/channels/" + id, (String) null, t.auditorKey).json().get("paid").asLong()).isEqualTo(400);
        TestServer.Resp close = t.post("/v1/channels/" + id + "/close", "{\"by\":\"payee\"}");
        assertThat(close.json().get("status").asText()).isEqualTo("closed");
        assertThat(t.balance("bob")).isEqualTo(bobBefore + 400);
    }

    @Test
    void twoWayPenaltyAndEventStream() {
        SoftwareSigner a = Ed25519.generate(RANDOM), b = Ed25519.generate(RANDOM);
        SoftwareSigner da = Ed25519.generate(RANDOM), db = Ed25519.generate(RANDOM);
        byte[] raw = random32();
        byte[] seedA = random32();
        String id = Hex.encode(raw);
        long after = t.send("GET", "/v1/channels/events?after=0", (String) null, t.auditorKey).json().get("next").asLong();
        TestServer.Resp opened = t.post("/v1/channels", "{\"id\":\"" + id + "\",\"kind\":\"two_way\",\"payer\":\"alice\","
                + "\"payee\":\"bob\",\"amount\":300,\"amount_b\":200,\"currency\":\"USD\",\"public_key\":\"" + Hex.encode(a.publicKey())
                + "\",\"public_key_b\":\"" + Hex.encode(b.publicKey()) + "\",\"dispute_key_a\":\"" + Hex.encode(da.publicKey())
                + "\",\"dispute_key_b\":\"" + Hex.encode(db.publicKey()) + "\",\"dispute_window_s\":600}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        ChannelState stale = new ChannelState(raw, 1, 450, 50, RevocationSecrets.hash(RevocationSecrets.forState(seedA, 1)),
                random32());
        String state = "{\"nonce\":1,\"balance_a\":450,\"balance_b\":50,\"revocation_hash_a\":\"" + Hex.encode(stale.revocationHashA())
                + "\",\"revocation_hash_b\":\"" + Hex.encode(stale.revocationHashB()) + "\"}";
        TestServer.Resp close = t.post("/v1/channels/" + id + "/close", "{\"by\":\"a\",\"state\":" + state
                + ",\"signature_a\":\"" + Hex.encode(a.sign(stale.bytes())) + "\",\"signature_b\":\"" + Hex.encode(b.sign(stale.bytes()))
                + "\",\"submitter_signature\":\"" + Hex.encode(da.sign(CloseSubmission.bytes(Party.A, stale))) + "\"}");
        assertThat(close.status()).as(close.body()).isEqualTo(200);
        assertThat(close.json().get("status").asText()).isEqualTo("closing");
        TestServer.Resp events = t.send("GET", "/v1/channels/events?after=" + after + "&wait_ms=1000", (String) null, t.auditorKey);
        var last = events.json().get("events").get(events.json().get("events").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("close_started");
        assertThat(last.get("commitment").asText()).isEqualTo(Hex.encode(stale.bytes()));
        assertThat(last.get("window_ends_at").asText()).endsWith("Z");
        assertThat(events.json().get("next").asLong()).isEqualTo(last.get("seq").asLong());
        TestServer.Resp wrong = t.post("/v1/channels/" + id + "/dispute",
                "{\"state_nonce\":1,\"revocation_secret\":\"" + Hex.encode(random32()) + "\"}");
        assertThat(wrong.code()).isEqualTo("revocation_mismatch");
        TestServer.Resp penalty = t.post("/v1/channels/" + id + "/dispute",
                "{\"state_nonce\":1,\"revocation_secret\":\"" + Hex.encode(RevocationSecrets.forState(seedA, 1)) + "\"}");
        assertThat(penalty.status()).as(penalty.body()).isEqualTo(200);
        assertThat(penalty.json().get("settlement").get("reason").asText()).isEqualTo("penalty");
        assertThat(penalty.json().get("settlement").get("to_b").asLong()).isEqualTo(500);
    }

    @Test
    void rotateArbitrateAndPayerCloseShapes() {
        SoftwareSigner a = Ed25519.generate(RANDOM), b = Ed25519.generate(RANDOM);
        SoftwareSigner da = Ed25519.generate(RANDOM), db = Ed25519.generate(RANDOM), fresh = Ed25519.generate(RANDOM);
        byte[] raw = random32();
        String id = Hex.encode(raw);
        assertThat(t.post("/v1/channels", "{\"id\":\"" + id + "\",\"kind\":\"two_way\",\"payer\":\"alice\","
                + "\"payee\":\"bob\",\"amount\":100,\"currency\":\"USD\",\"public_key\":\"" + Hex.encode(a.publicKey())
                + "\",\"public_key_b\":\"" + Hex.encode(b.publicKey()) + "\",\"dispute_key_a\":\"" + Hex.encode(da.publicKey())
                + "\",\"dispute_key_b\":\"" + Hex.encode(db.publicKey()) + "\"}").status()).isEqualTo(201);
        dev.farthing.channel.protocol.Rotation r = new dev.farthing.channel.protocol.Rotation(raw, Party.A, 1, fresh.publicKey());
        TestServer.Resp rotated = t.post("/v1/channels/" + id + "/rotate", "{\"party\":\"a\",\"new_public_key\":\""
                + XrplKeys.toXrpl(fresh.publicKey()) + "\",\"counter\":1,\"old_key_signature\":\"" + Hex.encode(a.sign(r.bytes()))
                + "\",\"dispute_key_signature\":\"" + Hex.encode(da.sign(r.bytes())) + "\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("public_key").asText()).isEqualTo(Hex.encode(fresh.publicKey()));
        assertThat(rotated.json().get("rotations_a").asLong()).isEqualTo(1);
        dev.farthing.channel.protocol.Arbitration ruling = new dev.farthing.channel.protocol.Arbitration(raw, 40, 60);
        TestServer.Resp one = t.post("/v1/channels/" + id + "/arbitrate", "{\"balance_a\":40,\"balance_b\":60,"
                + "\"signatures\":{\"payer\":\"" + Hex.encode(da.sign(ruling.bytes())) + "\"}}");
        assertThat(one.status()).isEqualTo(422);
        assertThat(one.code()).isEqualTo("insufficient_signatures");
        TestServer.Resp two = t.post("/v1/channels/" + id + "/arbitrate", "{\"balance_a\":40,\"balance_b\":60,"
                + "\"signatures\":{\"payer\":\"" + Hex.encode(da.sign(ruling.bytes())) + "\",\"payee\":\""
                + Hex.encode(db.sign(ruling.bytes())) + "\"}}");
        assertThat(two.status()).as(two.body()).isEqualTo(200);
        assertThat(two.json().get("settlement").get("reason").asText()).isEqualTo("arbitration");

        SoftwareSigner payer = Ed25519.generate(RANDOM);
        byte[] oneWay = random32();
        String oid = Hex.encode(oneWay);
        assertThat(t.post("/v1/channels", "{\"id\":\"" + oid + "\",\"kind\":\"one_way\",\"payer\":\"alice\",\"payee\":\"bob\","
                + "\"amount\":50,\"currency\":\"USD\",\"public_key\":\"" + Hex.encode(payer.publicKey())
                + "\",\"cancel_after\":\"2099-01-01T00:00:00Z\"}").status()).isEqualTo(201);
        assertThat(t.post("/v1/channels/" + oid + "/fund", "{\"amount\":25}").json().get("deposit").asLong()).isEqualTo(75);
        TestServer.Resp closing = t.post("/v1/channels/" + oid + "/close", "{\"by\":\"payer\",\"signature\":\""
                + Hex.encode(payer.sign(dev.farthing.channel.protocol.PayerClose.bytes(oneWay))) + "\"}");
        assertThat(closing.json().get("status").asText()).isEqualTo("closing");
        assertThat(closing.json().get("closes_at").asText()).endsWith("Z");
        assertThat(t.get("/v1/channels/" + "ab".repeat(32)).code()).isEqualTo("channel_not_found");
        assertThat(t.get("/v1/channels/xyz").status()).isEqualTo(400);
    }

    private static byte[] random32() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
