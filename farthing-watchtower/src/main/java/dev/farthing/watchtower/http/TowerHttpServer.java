package dev.farthing.watchtower.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.farthing.watchtower.http.Exchanges.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The tower's own small HTTP API on the JDK server: {@code POST /v1/blobs}, {@code GET /v1/blobs[/{hint}]} (see {@link BlobUploads}, {@link UploadAuth}) and
 * {@code GET /health} (public). Every handler runs on a virtual thread; bodies are bounded.
 */
public final class TowerHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TowerHttpServer.class);
    /** Requests handled at once; more are refused with 503 rather than queued without limit. */
    private static final int MAX_IN_FLIGHT = 256;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private TowerHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code host:port} (0 picks a free port) and serves until closed. */
    public static TowerHttpServer start(String host, int port, UploadAuth auth, BlobUploads uploads, HealthReport health) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 128);
            TowerHttpServer tower = new TowerHttpServer(s);
            Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
            s.createContext("/v1/blobs", guarded(inFlight, null, ex -> uploads.handle(ex, auth)));
            s.createContext("/health", guarded(inFlight, "GET", ex -> Exchanges.json(ex, 200, health.report())));
            s.createContext("/", guarded(inFlight, null, ex -> {
                throw new Problem(404, "not_found", "no route " + ex.getRequestURI().getPath());
            }));
            s.setExecutor(tower.executor);
            s.start();
            return tower;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The concurrency bound, the method check, then the handler; every failure becomes problem+json. */
    private static HttpHandler guarded(Semaphore inFlight, String method, HttpHandler handler) {
        return ex -> {
            try (ex) {
                if (!inFlight.tryAcquire()) {
                    Exchanges.problem(ex, new Problem(503, "overloaded", "too many requests in flight; retry shortly"));
                    return;
                }
                try {
                    if (method != null && !method.equals(ex.getRequestMethod())) {
                        throw new Problem(405, "method_not_allowed", "use " + method);
                    }
                    handler.handle(ex);
                } catch (Problem p) {
                    Exchanges.problem(ex, p);
                } catch (RuntimeException e) {
                    LOG.error("Tower request {} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
                    Exchanges.problem(ex, new Problem(500, "internal_error", "internal error; see the tower's log"));
                } finally {
                    inFlight.release();
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop(1);
        executor.close();
    }
}
