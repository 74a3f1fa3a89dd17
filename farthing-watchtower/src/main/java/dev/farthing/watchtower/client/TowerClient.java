package dev.farthing.watchtower.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.farthing.keys.Signer;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.JusticePayload;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.watchtower.http.UploadAuth;
import dev.farthing.watchtower.store.StoreResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Duration;

/**
 * What a wallet uses to hand a tower its justice blobs. For each state it revokes, the wallet calls
 * {@link #watch(byte[], JusticePayload)} with that state's commitment ({@code ChannelState.bytes()}): the
 * blob is sealed locally, so the tower only ever sees the hint and ciphertext.
 */
public final class TowerClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String token;
    private final Signer signer;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** A client that authenticates with the tower's bearer token. */
    public TowerClient(URI base, String token) {
        this(base, java.util.Objects.requireNonNull(token, "token"), null);
    }

    /** A client that signs each upload with its TOWER-family key (registered with the tower). */
    public static TowerClient signing(URI base, Signer towerKey) {
        return new TowerClient(base, null, java.util.Objects.requireNonNull(towerKey, "towerKey"));
    }

    private TowerClient(URI base, String token, Signer signer) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.token = token;
        this.signer = signer;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Seals and uploads the blob for one revoked state; returns once the tower holds it durably. */
    public StoreResult watch(byte[] revokedCommitment, JusticePayload payload) {
        return upload(JusticeBlob.seal(revokedCommitment, payload, random));
    }

    /** Uploads an already sealed blob; an exact repeat answers {@link StoreResult#DUPLICATE}. */
    public StoreResult upload(SealedBlob sealed) {
        String body = JSON.createObjectNode().put("hint", sealed.hint().hex()).put("blob", sealed.blobHex()).toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/v1/blobs")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        authenticate(req, bytes);
        HttpResponse<String> r = send(req.build());
        if (r.statusCode() == 201) {
            return StoreResult.STORED;
        }
        if (r.statusCode() == 200) {
            return StoreResult.DUPLICATE;
        }
        throw refusal(r);
    }

    /** {@code GET /v1/blobs}: this client's own {@code {client, blobs, quota}}. */
    public JsonNode account() {
        return get("/v1/blobs");
    }

    /** How many of this client's blobs the tower holds under {@code hint} (never another client's). */
    public int blobsUnder(dev.farthing.watchtower.blob.Hint hint) {
        return get("/v1/blobs/" + hint.hex()).path("blobs").asInt();
    }

    private JsonNode get(String path) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
        authenticate(req, ("GET " + path).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(req.build());
        if (r.statusCode() != 200) {
            throw refusal(r);
        }
        return parse(r.body());
    }

    private void authenticate(HttpRequest.Builder req, byte[] signed) {
        if (signer != null) {
            req.header(UploadAuth.KEY_HEADER, HexFormat.of().formatHex(signer.publicKey()))
                    .header(UploadAuth.SIGNATURE_HEADER, HexFormat.of().formatHex(signer.sign(UploadAuth.signedMessage(signed))));
        } else {
            req.header("Authorization", "Bearer " + token);
        }
    }

    /** The tower's {@code /health} document. */
    public JsonNode health() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build());
        if (r.statusCode() != 200) {
            throw refusal(r);
        }
        return parse(r.body());
    }

    private HttpResponse<String> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TowerException(0, "unreachable", "tower " + base + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TowerException(0, "interrupted", "interrupted talking to the tower", e);
        }
    }

    private static TowerException refusal(HttpResponse<String> r) {
        JsonNode problem = parse(r.body());
        String code = problem == null ? "http_" + r.statusCode() : problem.path("code").asText("http_" + r.statusCode());
        String detail = problem == null ? r.body() : problem.path("detail").asText(r.body());
        return new TowerException(r.statusCode(), code, "tower refused: " + code + ": " + detail, null);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
