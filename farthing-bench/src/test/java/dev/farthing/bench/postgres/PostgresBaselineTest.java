package dev.farthing.bench.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import dev.farthing.bench.BenchOptions;
import dev.farthing.bench.LedgerBench;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starts a real PostgreSQL (skipped when none is installed), runs the baseline briefly, and cleans up. */
class PostgresBaselineTest {

    private static void assumePostgresInstalled() {
        try {
            PgCommands.detect();
        } catch (PostgresServer.Unavailable e) {
            Assumptions.abort("PostgreSQL baseline test skipped: " + e.getMessage());
        }
    }

    @Test
    void serverStartsAnswersAndIsGoneAfterClose(@TempDir Path data) throws Exception {
        assumePostgresInstalled();
        PostgresServer server = PostgresServer.start(data);
        int port = server.port();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
             ResultSet r = c.createStatement().executeQuery("SHOW fsync")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("on");
        } finally {
            server.close();
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
        }).isInstanceOf(java.io.IOException.class);
        try (var left = Files.list(data)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("farthing-pg-")).toList()).isEmpty();
        }
    }

    @Test
    void benchmarkModePostgresReportsAuditedResults(@TempDir Path data) throws Exception {
        assumePostgresInstalled();
        BenchOptions options = BenchOptions.parse("--quick", "--mode", "postgres", "--transfers", "200",
                "--clients", "4", "--wallets", "50", "--merchants", "5", "--data", data.toString());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = LedgerBench.run(options, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);

        assertThat(exit).as(output).isZero();
        assertThat(output).doesNotContain("SKIPPED");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line));
            }
        }
        assertThat(lines).as(output).hasSize(2);
        for (JsonNode line : lines) {
            assertThat(line.get("mode").asText()).isEqualTo("postgres");
            assertThat(line.get("transfers").asLong()).isEqualTo(200);
            assertThat(line.get("failures").asLong()).isZero();
            assertThat(line.get("p99_us").asDouble()).isPositive();
        }
    }
}
