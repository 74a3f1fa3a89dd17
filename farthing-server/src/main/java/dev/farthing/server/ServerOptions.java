package dev.farthing.server;

import dev.farthing.ledger.api.LedgerConfig;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a server is started: where its data lives, where it listens ({@code port} 0 picks a free one) and
 * how its ledger is opened. The key store lives in {@code dataDir} too.
 */
public record ServerOptions(Path dataDir, String host, int port, LedgerConfig ledgerConfig) {

    public ServerOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ledgerConfig, "ledgerConfig");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** Listens on all interfaces, ledger with its defaults (USD and EUR at scale 6, fsync on). */
    public static ServerOptions defaults(Path dataDir, int port) {
        return new ServerOptions(dataDir, "0.0.0.0", port, LedgerConfig.defaults(dataDir));
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(dataDir, newHost, port, ledgerConfig);
    }

    public ServerOptions withLedgerConfig(LedgerConfig config) {
        return new ServerOptions(dataDir, host, port, config);
    }
}
