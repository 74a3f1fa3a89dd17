package dev.farthing.bench.postgres;

import dev.farthing.bench.PaymentSource;
import dev.farthing.bench.Population;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL baseline of {@code farthing bench ledger}: one server for the whole invocation, fresh tables
 * for every run. Start it with {@link #start}; a missing or unstartable PostgreSQL is reported as
 * {@link PostgresServer.Unavailable} so the benchmark can skip this mode with the reason.
 */
public final class PostgresBaseline implements AutoCloseable {
    private final PostgresServer server;

    private PostgresBaseline(PostgresServer server) {
        this.server = server;
    }

    public static PostgresBaseline start(Path parent) throws PostgresServer.Unavailable {
        return new PostgresBaseline(PostgresServer.start(parent));
    }

    /** A prepared run: tables created and funded, one connection per payment source. */
    public record Prepared(PostgresDriver driver, PostgresSchema schema) implements AutoCloseable {
        @Override
        public void close() {
            driver.close();
        }
    }

    public Prepared prepare(Population population, List<PaymentSource> sources) throws SQLException {
        PostgresSchema schema = new PostgresSchema(server.jdbcUrl(), population);
        schema.prepare();
        return new Prepared(new PostgresDriver(server.jdbcUrl(), sources), schema);
    }

    public String version() {
        return server.version();
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }

    @Override
    public void close() {
        server.close();
    }
}
