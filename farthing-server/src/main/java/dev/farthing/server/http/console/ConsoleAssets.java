package dev.farthing.server.http.console;

import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The console's static files, resources of the server jar under {@code /console/} (listed in
 * {@code /console/assets.list}), read once at start and served from memory with their content type, a strong
 * ETag (so a browser revalidates instead of downloading again) and {@code Cache-Control: no-cache} (the names
 * carry no hash, so a cached copy must be checked before use). These are files, not API operations, so they are
 * not in the route table or the OpenAPI document; every response carries the console's security headers.
 */
public final class ConsoleAssets {
    static final String ROOT = "/console/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    record Asset(byte[] bytes, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    private ConsoleAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    public static ConsoleAssets load() {
        Map<String, Asset> all = new TreeMap<>();
        for (String name : new String(read("assets.list"), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            name = name.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1);
            String type = TYPES.get(ext);
            if (type == null || !name.matches("[a-z0-9-]+(/[a-z0-9-]+)?\\.[a-z]+")) {
                throw new IllegalStateException("console asset with an unservable name: " + name);
            }
            byte[] bytes = read(name);
            all.put(name, new Asset(bytes, type, "\"" + sha256(bytes) + "\""));
        }
        if (!all.containsKey("index.html")) {
            throw new IllegalStateException("the console's index.html is missing from the server jar");
        }
        return new ConsoleAssets(Map.copyOf(all));
    }

    /** The names served under {@code /console/assets/}. */
    List<String> names() {
        return List.copyOf(assets.keySet());
    }

    public void install(Javalin app) {
        app.get("/console", ctx -> serve(ctx, "index.html"));
        app.get("/console/", ctx -> serve(ctx, "index.html"));
        app.get("/console/assets/{file}", ctx -> serve(ctx, "assets/" + ctx.pathParam("file")));
    }

    private void serve(Context ctx, String name) {
        ConsoleHeaders.apply(ctx);
        Asset a = assets.get(name);
        if (a == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such console file\n");
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("console file " + ROOT + name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
