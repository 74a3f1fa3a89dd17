package dev.farthing.watchtower.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.keys.Ed25519;
import dev.farthing.keys.KeyFamily;
import dev.farthing.keys.Signer;
import dev.farthing.keys.Wallet;
import dev.farthing.channel.protocol.Party;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.watchtower.client.TowerClient;
import dev.farthing.watchtower.client.TowerException;
import dev.farthing.watchtower.store.StoreResult;
import dev.farthing.watchtower.store.BlobStore;
import dev.farthing.watchtower.store.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input at the tower's API: every refusal is problem+json with a stable code, and nothing is stored. */
class TowerApiTest {
    private static final String TOKEN = "api-test-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Signer client = Wallet.fromMnemonic(
            "legal winner thank year wave sausage worth useful legal winner thank yellow", "").key(KeyFamily.TOWER, 0);
    private final Signer stranger = Ed25519.generate(new SecureRandom());
    @TempDir
    Path dir;
    private BlobStore store;
    private TowerHttpServer server;

    @BeforeEach
    void start() {
        store = BlobStore.open(StoreOptions.defaults(dir));
        server = TowerHttpServer.start("127.0.0.1", 0, new UploadAuth(TOKEN, List.of(client.publicKey())), new BlobUploads(store),
                () -> JSON.createObjectNode().put("status", "ok"));
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void refusesBadUploadsWithStableCodes() throws Exception {
        String hint = "ab".repeat(16);
        String blob = "01" + "cd".repeat(JusticeBlob.SIZE - 1);
        assertProblem(post("{\"hint\":\"" + hint + "\",\"blob\":\"" + blob + "\"}", null), 401, "unauthorized");
        assertProblem(post("not json", TOKEN), 400, "bad_request");
        assertProblem(post("[1,2]", TOKEN), 400, "bad_request");
        assertProblem(post("{\"hint\":\"" + hint + "\"}", TOKEN), 400, "bad_request");
        assertProblem(post("{\"hint\":\"zz" + hint.substring(2) + "\",\"blob\":\"" + blob + "\"}", TOKEN), 400, "bad_request");
        assertProblem(post("{\"hint\":\"" + hint + "\",\"blob\":\"" + blob + "00\"}", TOKEN), 400, "bad_request");
        assertProblem(post("{\"hint\":\"" + hint + "\",\"blob\":\"" + "02" + blob.substring(2) + "\"}", TOKEN), 400, "bad_request");
        assertProblem(post("{\"hint\":\"" + hint + "\",\"blob\":\"" + blob + "\",\"x\":1}", TOKEN), 400, "bad_request");
        assertProblem(post("{\"pad\":\"" + "a".repeat(5000) + "\"}", TOKEN), 413, "body_too_large");
        assertThat(store.size()).isZero();

        HttpResponse<String> ok = post("{\"hint\":\"" + hint.toUpperCase() + "\",\"blob\":\"" + blob + "\"}", TOKEN);
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(post("{\"hint\":\"" + hint + "\",\"blob\":\"" + blob + "\"}", TOKEN).statusCode()).isEqualTo(200);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void signedUploadsNeedARegisteredKeyAndASignatureOverTheExactBody() throws Exception {
        String body = "{\"hint\":\"" + "11".repeat(16) + "\",\"blob\":\"01" + "22".repeat(JusticeBlob.SIZE - 1) + "\"}";
        byte[] bytes = body.getBytes();
        byte[] other = body.replace("22", "23").getBytes();
        assertProblem(signed(body, stranger, stranger.sign(UploadAuth.signedMessage(bytes))), 401, "unauthorized");
        assertProblem(signed(body, client, client.sign(UploadAuth.signedMessage(other))), 401, "unauthorized");
        assertProblem(signed(body, client, client.sign(bytes)), 401, "unauthorized");
        assertThat(store.size()).isZero();
        assertThat(signed(body, client, client.sign(UploadAuth.signedMessage(bytes))).statusCode()).isEqualTo(201);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aWalletUploadsWithItsTowerFamilyKeyThroughTheClient() {
        TowerClient wallet = TowerClient.signing(uri(""), client);
        JusticePayload p = new JusticePayload(new byte[32], 3, new byte[32], Party.A);
        SealedBlob sealed = JusticeBlob.seal(new byte[124], p, new SecureRandom());
        assertThat(wallet.upload(sealed)).isEqualTo(StoreResult.STORED);
        assertThat(wallet.upload(sealed)).isEqualTo(StoreResult.DUPLICATE);
        assertThat(store.candidates(sealed.hint())).containsExactly(sealed);
        TowerClient impostor = TowerClient.signing(uri(""), stranger);
        assertThatThrownBy(() -> impostor.upload(sealed)).isInstanceOf(TowerException.class)
                .extracting(e -> ((TowerException) e).status()).isEqualTo(401);
    }

    @Test
    void eachClientHasItsOwnQuotaAndSeesOnlyItsOwnBlobs() throws Exception {
        server.close();
        store.close();
        store = BlobStore.open(StoreOptions.defaults(dir.resolve("quota")).withMaxPerClient(3));
        String alice = "alice-token-0123456789";
        String bob = "bob-token-0123456789ab";
        server = TowerHttpServer.start("127.0.0.1", 0, new UploadAuth(java.util.Map.of("alice", alice, "bob", bob),
                java.util.Map.of("bob", client.publicKey())), new BlobUploads(store), () -> JSON.createObjectNode());
        TowerClient a = new TowerClient(uri(""), alice);
        TowerClient b = new TowerClient(uri(""), bob);
        TowerClient bobSigning = TowerClient.signing(uri(""), client);
        List<SealedBlob> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(JusticeBlob.seal(new byte[]{(byte) i}, new JusticePayload(new byte[32], i, new byte[32], Party.A),
                    new SecureRandom()));
            assertThat(a.upload(mine.get(i))).isEqualTo(StoreResult.STORED);
        }
        SealedBlob fourth = JusticeBlob.seal(new byte[]{9}, new JusticePayload(new byte[32], 9, new byte[32], Party.A),
                new SecureRandom());
        assertThatThrownBy(() -> a.upload(fourth)).isInstanceOf(TowerException.class)
                .satisfies(e -> assertThat(((TowerException) e).status()).isEqualTo(429))
                .extracting(e -> ((TowerException) e).code()).isEqualTo("quota_exceeded");
        assertThat(a.upload(mine.get(0))).as("a repeat at quota is still idempotent").isEqualTo(StoreResult.DUPLICATE);
        // Alice at her quota costs Bob nothing; Bob's identical copy is his own and counts against him only.
        assertThat(b.upload(mine.get(0))).isEqualTo(StoreResult.STORED);
        assertThat(bobSigning.upload(fourth)).as("Bob's key shares Bob's namespace").isEqualTo(StoreResult.STORED);
        assertThat(a.account().path("blobs").asInt()).isEqualTo(3);
        assertThat(a.account().path("quota").asInt()).isEqualTo(3);
        assertThat(b.account().path("client").asText()).isEqualTo("bob");
        assertThat(b.account().path("blobs").asInt()).isEqualTo(2);
        assertThat(b.blobsUnder(mine.get(1).hint())).as("Bob cannot see Alice's blobs").isZero();
        assertThat(a.blobsUnder(mine.get(1).hint())).isEqualTo(1);
        assertThat(bobSigning.blobsUnder(fourth.hint())).isEqualTo(1);
        assertThat(a.blobsUnder(fourth.hint())).isZero();
        // Quotas are rebuilt from the file on restart.
        server.close();
        store.close();
        store = BlobStore.open(StoreOptions.defaults(dir.resolve("quota")).withMaxPerClient(3));
        assertThat(store.size(dev.farthing.watchtower.store.ClientNamespace.of("alice"))).isEqualTo(3);
        assertThat(store.size(dev.farthing.watchtower.store.ClientNamespace.of("bob"))).isEqualTo(2);
        assertThatThrownBy(() -> store.put(dev.farthing.watchtower.store.ClientNamespace.of("alice"), fourth).get())
                .cause().extracting(e -> ((dev.farthing.watchtower.store.StoreException) e).code()).isEqualTo("quota_exceeded");
        server = TowerHttpServer.start("127.0.0.1", 0, new UploadAuth(TOKEN, List.of()), new BlobUploads(store),
                () -> JSON.createObjectNode());
    }

    @Test
    void clientsCannotShareATokenOrAKey() {
        assertThatThrownBy(() -> new UploadAuth(java.util.Map.of("a", "same-token-0123456789", "b", "same-token-0123456789"),
                java.util.Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UploadAuth(java.util.Map.of(), java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpResponse<String> signed(String body, Signer key, byte[] signature) throws Exception {
        return send(HttpRequest.newBuilder(uri("/v1/blobs")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header(UploadAuth.KEY_HEADER, HexFormat.of().formatHex(key.publicKey()))
                .header(UploadAuth.SIGNATURE_HEADER, HexFormat.of().formatHex(signature)).build());
    }

    @Test
    void wrongMethodsAndPathsAreProblems() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/v1/blobs")).DELETE()
                .header("Authorization", "Bearer " + TOKEN).build()), 405, "method_not_allowed");
        assertProblem(send(HttpRequest.newBuilder(uri("/v1/blobs")).GET().build()), 401, "unauthorized");
        assertProblem(send(HttpRequest.newBuilder(uri("/v1/blobs/zz")).GET()
                .header("Authorization", "Bearer " + TOKEN).build()), 400, "bad_request");
        assertProblem(send(HttpRequest.newBuilder(uri("/v2/nothing")).GET().build()), 404, "not_found");
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/health")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
    }

    private void assertProblem(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/v1/blobs")).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
