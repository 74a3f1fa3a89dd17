package dev.farthing.server;

import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.http.Auth;
import dev.farthing.server.http.HttpApi;
import dev.farthing.server.http.Metrics;
import dev.farthing.server.http.Route;
import dev.farthing.server.http.SystemRoutes;
import dev.farthing.server.http.audit.AuditTrail;
import dev.farthing.server.http.audit.KeyAudit;
import dev.farthing.server.http.console.ConsoleApi;
import dev.farthing.server.http.ledger.LedgerRoutes;
import dev.farthing.server.keys.KeyRegistry;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running Farthing: the ledger of one data directory behind the HTTP API. {@link #start} initialises an
 * empty data directory (creating it and its first admin key), opens the ledger, then listens.
 */
public final class FarthingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FarthingServer.class);
    private final ServerOptions options;
    private final Ledger ledger;
    private final Metrics metrics;
    private final List<DomainApi> domains;
    private final HttpApi api;
    private final Javalin app;
    private final String bootstrapAdminKey;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FarthingServer(ServerOptions options, Ledger ledger, String bootstrapAdminKey, ServerSocketChannel listening) {
        this.options = options;
        this.ledger = ledger;
        this.bootstrapAdminKey = bootstrapAdminKey;
        this.metrics = new Metrics(ledger);
        this.domains = DomainApis.open(options, ledger, metrics);
        AuditTrail trail = DomainApis.audit(domains).trail();
        List<Route> routes = new ArrayList<>(new SystemRoutes(ledger, metrics, trail).routes());
        routes.addAll(LedgerRoutes.routes(ledger, metrics, dev.farthing.server.http.PaymentGate.among(domains)));
        domains.forEach(d -> routes.addAll(d.routes()));
        KeyAudit keyAudit = new KeyAudit(DomainApis.audit(domains).log());
        KeyRegistry keys = new KeyRegistry(options.dataDir(), keyAudit::reconcile);
        ConsoleApi console = new ConsoleApi(keys, metrics);
        routes.addAll(console.routes());
        this.api = new HttpApi(new Auth(keys, console.guard()), metrics, routes);
        this.app = api.create(listening, options.timeouts());
        console.serveAssets(app);
    }

    /**
     * Binds {@code options.host():options.port()} (port 0 picks a free port; a port in use fails here, before
     * anything is created), opens the ledger (initialising an empty data directory first: it is created with a
     * first admin key, see {@link #bootstrapAdminKey()}) and serves HTTP. Prints
     * {@code Farthing listening on port N} to stdout once it accepts requests.
     */
    public static FarthingServer start(ServerOptions options) {
        return start(options, key -> { });
    }

    /**
     * As {@link #start(ServerOptions)}; {@code newAdminKey} is handed the first admin key as soon as the data
     * directory is initialised, before the ledger opens, so a caller can show it even if the start then fails.
     */
    public static FarthingServer start(ServerOptions options, Consumer<String> newAdminKey) {
        ServerSocketChannel listening = PortBinding.bind(options.host(), options.port());
        Ledger ledger;
        String bootstrap;
        try {
            bootstrap = ApiKeys.isInitialised(options.dataDir()) ? null : ApiKeys.initialise(options.dataDir());
            if (bootstrap != null) {
                newAdminKey.accept(bootstrap);
            }
            ledger = Ledgers.open(options.ledgerConfig());
        } catch (RuntimeException | Error e) {
            PortBinding.close(listening);
            throw e;
        }
        return serve(options, ledger, bootstrap, listening);
    }

    /** Serves an already opened ledger (tests); the server closes it. */
    static FarthingServer serve(ServerOptions options, Ledger ledger, String bootstrap) {
        ServerSocketChannel listening;
        try {
            listening = PortBinding.bind(options.host(), options.port());
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
        return serve(options, ledger, bootstrap, listening);
    }

    private static FarthingServer serve(ServerOptions options, Ledger ledger, String bootstrap,
                                        ServerSocketChannel listening) {
        FarthingServer server;
        try {
            server = new FarthingServer(options, ledger, bootstrap, listening);
            server.app.start();
        } catch (RuntimeException | Error e) {
            PortBinding.close(listening);
            ledger.close();
            throw e;
        }
        LOG.info("Farthing listening on http://{}:{} (data {})", options.host(), server.port(), options.dataDir());
        System.out.println("Farthing listening on port " + server.port());
        System.out.flush();
        return server;
    }

    public int port() {
        return app.port();
    }

    public Ledger ledger() {
        return ledger;
    }

    public ServerOptions options() {
        return options;
    }

    /** The plaintext admin key created by this start when it initialised the data directory, else null. */
    public String bootstrapAdminKey() {
        return bootstrapAdminKey;
    }

    /** The opened domain service of this type (tests reach a domain's own API through it). */
    <T extends DomainApi> T domain(Class<T> type) {
        return domains.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no domain " + type.getSimpleName()));
    }

    /** The routes this server serves (method, path template, role). */
    public List<Route> routes() {
        return api.routes();
    }

    /** Stops HTTP (in-flight requests finish first), then closes the ledger. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            app.stop();
            api.close();
        } finally {
            try {
                DomainApis.closeAll(domains);
            } finally {
                closeLedger();
            }
        }
    }

    private void closeLedger() {
        try {
            ledger.close();
        } finally {
            metrics.close();
            LOG.info("Farthing stopped (data {})", options.dataDir());
        }
    }
}
