package dev.farthing.watchtower.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.farthing.watchtower.blob.Hint;
import dev.farthing.watchtower.blob.JusticeBlob;
import dev.farthing.watchtower.blob.SealedBlob;
import dev.farthing.watchtower.http.Exchanges.Problem;
import dev.farthing.watchtower.store.BlobStore;
import dev.farthing.watchtower.store.ClientNamespace;
import dev.farthing.watchtower.store.StoreException;
import dev.farthing.watchtower.store.StoreResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The caller's own namespace (see {@link UploadAuth}):
 * <ul>
 * <li>{@code POST /v1/blobs {"hint": 32 hex, "blob": hex of JusticeBlob.SIZE bytes}}: answers 201
 * {@code {"status":"stored"}} once the blob is durable, 200 {@code {"status":"duplicate"}} for an exact
 * repeat; problems: {@code bad_request}, {@code body_too_large}, {@code hint_full} (409),
 * {@code quota_exceeded} (429), {@code store_full} (507), {@code store_failed} (503).</li>
 * <li>{@code GET /v1/blobs}: {@code {"client", "blobs", "quota"}}, the caller's count and quota.</li>
 * <li>{@code GET /v1/blobs/{hint}}: {@code {"hint", "blobs"}}, how many of the caller's blobs are filed under
 * the hint; another client's blobs under it are never counted or shown.</li>
 * </ul>
 */
public final class BlobUploads {
    private static final String PATH = "/v1/blobs";
    private static final int MAX_BODY = 2048;
    private static final Set<String> FIELDS = Set.of("hint", "blob");
    private final BlobStore store;

    public BlobUploads(BlobStore store) {
        this.store = store;
    }

    void handle(HttpExchange ex, UploadAuth auth) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        boolean root = path.equals(PATH) || path.equals(PATH + "/");
        String method = ex.getRequestMethod();
        if (root && "POST".equals(method)) {
            upload(ex, auth);
        } else if ("GET".equals(method)) {
            ClientNamespace client = caller(ex, auth, ("GET " + path).getBytes(StandardCharsets.UTF_8));
            if (root) {
                Exchanges.json(ex, 200, Exchanges.JSON.createObjectNode().put("client", client.name())
                        .put("blobs", store.size(client)).put("quota", store.options().maxPerClient()));
            } else {
                Hint hint = hintOf(path.substring(PATH.length() + 1));
                Exchanges.json(ex, 200, Exchanges.JSON.createObjectNode().put("hint", hint.hex())
                        .put("blobs", store.candidates(client, hint).size()));
            }
        } else {
            throw new Problem(405, "method_not_allowed", "use POST " + PATH + ", GET " + PATH + " or GET " + PATH + "/{hint}");
        }
    }

    /** The caller's namespace; {@code signed} is what a signing client signed (the body, or "GET " ‖ path). */
    private static ClientNamespace caller(HttpExchange ex, UploadAuth auth, byte[] signed) {
        return auth.check(ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestHeaders().getFirst(UploadAuth.KEY_HEADER),
                ex.getRequestHeaders().getFirst(UploadAuth.SIGNATURE_HEADER), signed);
    }

    private static Hint hintOf(String hex) {
        if (hex.length() != Hint.LENGTH * 2) {
            throw new Problem(400, "bad_request", "hint must be " + Hint.LENGTH * 2 + " hex digits");
        }
        try {
            return Hint.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "bad_request", "hint is not hex");
        }
    }

    private void upload(HttpExchange ex, UploadAuth auth) throws IOException {
        byte[] body = Exchanges.body(ex, MAX_BODY);
        ClientNamespace client = caller(ex, auth, body);
        SealedBlob sealed = parse(body);
        StoreResult result;
        try {
            result = store.put(client, sealed).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(503, "interrupted", "the tower is shutting down");
        } catch (ExecutionException e) {
            throw problem(e.getCause());
        }
        boolean stored = result == StoreResult.STORED;
        Exchanges.json(ex, stored ? 201 : 200, Exchanges.JSON.createObjectNode().put("status", stored ? "stored" : "duplicate"));
    }

    private static SealedBlob parse(byte[] body) {
        JsonNode root;
        try {
            root = Exchanges.JSON.readTree(body);
        } catch (IOException e) {
            throw new Problem(400, "bad_request", "body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Problem(400, "bad_request", "body must be a JSON object with hint and blob");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new Problem(400, "bad_request", "unknown field " + f);
            }
        }
        byte[] hint = hex(root, "hint", Hint.LENGTH);
        byte[] blob = hex(root, "blob", JusticeBlob.SIZE);
        if (blob[0] != JusticeBlob.VERSION) {
            throw new Problem(400, "bad_request", "unsupported blob version " + (blob[0] & 0xff));
        }
        return new SealedBlob(Hint.fromBytes(hint), blob);
    }

    private static byte[] hex(JsonNode root, String field, int length) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().length() != length * 2) {
            throw new Problem(400, "bad_request", field + " must be " + length * 2 + " hex digits");
        }
        try {
            return HexFormat.of().parseHex(v.asText());
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "bad_request", field + " is not hex");
        }
    }

    private static Problem problem(Throwable cause) {
        if (cause instanceof StoreException se) {
            int status = switch (se.code()) {
                case StoreException.HINT_FULL -> 409;
                case StoreException.QUOTA_EXCEEDED -> 429;
                case StoreException.STORE_FULL -> 507;
                default -> 503;
            };
            return new Problem(status, se.code(), se.getMessage());
        }
        return new Problem(503, StoreException.STORE_FAILED, String.valueOf(cause));
    }
}
