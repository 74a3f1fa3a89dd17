package dev.farthing.server;

import dev.farthing.ledger.api.LedgerConfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a server is started: where its data lives, where it listens ({@code port} 0 picks a free one), how its
 * ledger is opened and how long slow clients may take. The key store lives in {@code dataDir} too.
 */
public record ServerOptions(Path dataDir, String host, int port, LedgerConfig ledgerConfig, HttpTimeouts timeouts) {
    /** Only this machine can connect unless {@code host} says otherwise (e.g. 0.0.0.0 for every interface). */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public ServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ledgerConfig, "ledgerConfig");
        Objects.requireNonNull(timeouts, "timeouts");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** With the default HTTP timeouts. */
    public ServerOptions(Path dataDir, String host, int port, LedgerConfig ledgerConfig) {
        this(dataDir, host, port, ledgerConfig, HttpTimeouts.defaults());
    }

    /** Listens on {@link #DEFAULT_HOST} (this machine only), ledger with its defaults (USD and EUR at scale 6, fsync on). */
    public static ServerOptions defaults(Path dataDir, int port) {
        return new ServerOptions(dataDir, DEFAULT_HOST, port, LedgerConfig.defaults(dataDir));
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(dataDir, newHost, port, ledgerConfig, timeouts);
    }

    public ServerOptions withLedgerConfig(LedgerConfig config) {
        return new ServerOptions(dataDir, host, port, config, timeouts);
    }

    public ServerOptions withTimeouts(HttpTimeouts newTimeouts) {
        return new ServerOptions(dataDir, host, port, ledgerConfig, newTimeouts);
    }
}
