package dev.farthing.bench.rate;

import dev.farthing.bench.LedgerFixture;
import dev.farthing.bench.Population;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A durable server on 127.0.0.1 with the benchmark population (wallets {@code w0..w9999} funded, merchants
 * {@code m0..m999}), for an independent load generator such as wrk (see {@code tools/wrk-transfers.lua}). Prints
 * {@code port=N key=K} and serves until the process is stopped. Usage: {@code bench fixture-server [port] [dir]}.
 */
public final class FixtureServer {
    private FixtureServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("farthing-fixture-server");
        FarthingServer server = FarthingServer.start(new ServerOptions(dir, "127.0.0.1", port, LedgerConfig.defaults(dir)));
        new LedgerFixture(server.ledger(), Population.of("USD", 10_000, 1_000)).prepare();
        System.out.println("port=" + server.port() + " key=" + server.bootstrapAdminKey());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
