package dev.farthing.bench.postgres;

import dev.farthing.bench.Audited;
import dev.farthing.bench.Phase;
import dev.farthing.bench.Population;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger most teams write first: a balance column guarded by a CHECK, a transfers table, nothing else.
 * It deliberately has no secondary indexes (e.g. transfers by account), which flatters PostgreSQL: Farthing
 * maintains such an index on every commit.
 */
public final class PostgresSchema implements Audited {
    static final String DDL = """
            DROP TABLE IF EXISTS transfers;
            DROP TABLE IF EXISTS accounts;
            CREATE TABLE accounts (
              id text PRIMARY KEY,
              currency text NOT NULL,
              kind text NOT NULL,
              balance bigint NOT NULL,
              CHECK (balance >= 0 OR kind <> 'wallet'));
            CREATE TABLE transfers (
              id text PRIMARY KEY,
              debit text NOT NULL,
              credit text NOT NULL,
              amount bigint NOT NULL CHECK (amount > 0),
              created_at timestamptz NOT NULL);
            """;
    private final String jdbcUrl;
    private final Population population;
    private long expectedTransfers;
    private long expectedAmount;

    PostgresSchema(String jdbcUrl, Population population) {
        this.jdbcUrl = jdbcUrl;
        this.population = population;
    }

    /** Recreates the tables, opens every account and funds every wallet (with a transfer row each). */
    void prepare() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            try (Statement s = c.createStatement()) {
                s.execute(DDL);
            }
            c.setAutoCommit(false);
            try (PreparedStatement account = c.prepareStatement(
                    "INSERT INTO accounts (id, currency, kind, balance) VALUES (?, ?, ?, ?)");
                 PreparedStatement funding = c.prepareStatement(
                         "INSERT INTO transfers (id, debit, credit, amount, created_at) VALUES (?, ?, ?, ?, now())")) {
                addAccount(account, Population.SETTLEMENT, "settlement", -population.totalFunding());
                for (String wallet : population.walletIds()) {
                    addAccount(account, wallet, "wallet", Population.WALLET_FUNDING);
                    funding.setString(1, "fund-" + wallet);
                    funding.setString(2, Population.SETTLEMENT);
                    funding.setString(3, wallet);
                    funding.setLong(4, Population.WALLET_FUNDING);
                    funding.addBatch();
                }
                for (String payee : population.payeeIds()) {
                    addAccount(account, payee, payee.equals(Population.PLATFORM_FEE) ? "fee" : "merchant", 0);
                }
                account.executeBatch();
                funding.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("VACUUM ANALYZE accounts");
                s.execute("CHECKPOINT"); // start every run from a clean WAL position
            }
        }
    }

    private void addAccount(PreparedStatement insert, String id, String kind, long balance) throws SQLException {
        insert.setString(1, id);
        insert.setString(2, population.currency());
        insert.setString(3, kind);
        insert.setLong(4, balance);
        insert.addBatch();
    }

    @Override
    public void expect(Phase phase) {
        expectedTransfers += phase.transfersAcked();
        expectedAmount += phase.amountAcked();
    }

    @Override
    public List<String> audit(boolean anyFailures) {
        List<String> problems = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT currency, sum(balance) FROM accounts GROUP BY currency")) {
                while (r.next()) {
                    if (r.getLong(2) != 0) {
                        problems.add("postgres: balances in " + r.getString(1) + " sum to " + r.getLong(2));
                    }
                }
            }
            long payees = scalar(s, "SELECT coalesce(sum(balance), 0) FROM accounts WHERE kind IN ('merchant', 'fee')");
            long rows = scalar(s, "SELECT count(*) FROM transfers");
            long expectedRows = population.wallets() + expectedTransfers;
            if (!anyFailures && payees != expectedAmount) {
                problems.add("postgres: payees hold " + payees + ", acknowledged " + expectedAmount);
            }
            if (!anyFailures && rows != expectedRows) {
                problems.add("postgres: " + rows + " transfer rows, acknowledged " + expectedRows);
            }
        } catch (SQLException e) {
            problems.add("postgres audit failed: " + e.getMessage());
        }
        return problems;
    }

    private static long scalar(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
