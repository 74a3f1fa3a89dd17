package dev.farthing.server.http;

import dev.farthing.server.HttpTimeouts;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes connections of clients that send too slowly. Jetty's idle timeout restarts with every byte, so a client
 * dripping a byte every few seconds could hold a connection (and a request thread) forever. Here each connection
 * carries a deadline: its request headers must be complete within {@link HttpTimeouts#header()} of the
 * connection opening or of its previous response, and a request body within {@link HttpTimeouts#body()} of its
 * headers. Handler time is never limited (the deadline is lifted once the body is in). A sweeper closes what is
 * past due. Registered on the connector as a Jetty bean: it hears every connection and every request.
 */
final class SlowClientGuard implements Connection.Listener, HttpChannel.Listener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);
    private static final long SWEEP_MILLIS = 100;
    private final long headerNanos;
    private final long bodyNanos;
    /** Open connections with a deadline (nanoTime); a connection whose request is being handled has none. */
    private final Map<EndPoint, Long> deadlines = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("farthing-slow-client-guard").unstarted(r));

    SlowClientGuard(HttpTimeouts timeouts) {
        this.headerNanos = timeouts.header().toNanos();
        this.bodyNanos = timeouts.body().toNanos();
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        deadlines.put(connection.getEndPoint(), System.nanoTime() + headerNanos);
    }

    @Override
    public void onClosed(Connection connection) {
        deadlines.remove(connection.getEndPoint());
    }

    /** Headers are in: the body (if any) now has its own deadline. */
    @Override
    public void onRequestBegin(Request request) {
        deadlines.replace(request.getHttpChannel().getEndPoint(), System.nanoTime() + bodyNanos);
    }

    /** The body is in (immediately, for a request without one): the handler runs without a deadline. */
    @Override
    public void onRequestContentEnd(Request request) {
        deadlines.replace(request.getHttpChannel().getEndPoint(), Long.MAX_VALUE);
    }

    @Override
    public void onRequestEnd(Request request) {
        onRequestContentEnd(request);
    }

    /** The response is sent: a kept-alive connection's next request headers are due within the header timeout. */
    @Override
    public void onComplete(Request request) {
        deadlines.replace(request.getHttpChannel().getEndPoint(), System.nanoTime() + headerNanos);
    }

    /** Connections closed for being too slow since start (for tests and logs). */
    long closedSlowClients() {
        return closed.get();
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            for (Map.Entry<EndPoint, Long> e : deadlines.entrySet()) {
                if (e.getValue() != Long.MAX_VALUE && now - e.getValue() > 0 && deadlines.remove(e.getKey(), e.getValue())) {
                    closed.incrementAndGet();
                    LOG.debug("closing a connection from {}: request not received in time", e.getKey().getRemoteSocketAddress());
                    e.getKey().close();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("slow-client sweep failed; retrying", e); // never let the scheduler stop sweeping
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}
