package dev.farthing.bench.postgres;

import dev.farthing.bench.ConcurrentClients;
import dev.farthing.bench.ModeDriver;
import dev.farthing.bench.PaymentSource;
import dev.farthing.bench.PaymentSource.Leg;
import dev.farthing.bench.Phase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One transaction per payment (one transfer for uniform, both legs for hot) over {@code --clients} JDBC
 * connections: {@code SELECT ... FOR UPDATE} of the involved accounts in id order (so no deadlocks), an
 * overdraft check, one {@code UPDATE} per account, one {@code INSERT} per transfer, {@code COMMIT}. Latency
 * is per transaction.
 */
public final class PostgresDriver implements ModeDriver, AutoCloseable {
    private final List<Client> clients = new ArrayList<>();

    PostgresDriver(String jdbcUrl, List<PaymentSource> sources) throws SQLException {
        for (PaymentSource source : sources) {
            clients.add(new Client(DriverManager.getConnection(jdbcUrl), source));
        }
    }

    @Override
    public void runPhase(Phase phase) throws Exception {
        ConcurrentClients.run(clients.size(), "postgres", i -> clients.get(i).run(phase));
    }

    @Override
    public String settings() {
        return "connections=" + clients.size() + " txn=per_payment fsync=on synchronous_commit=on";
    }

    @Override
    public void close() {
        for (Client c : clients) {
            c.close();
        }
    }

    /** One connection with its prepared statements; used by one thread. */
    private static final class Client {
        private final Connection connection;
        private final PaymentSource source;
        private final PreparedStatement lock;
        private final PreparedStatement update;
        private final PreparedStatement insert;

        Client(Connection connection, PaymentSource source) throws SQLException {
            this.connection = connection;
            this.source = source;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement("SELECT balance, kind FROM accounts WHERE id = ? FOR UPDATE");
            update = connection.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?");
            insert = connection.prepareStatement(
                    "INSERT INTO transfers (id, debit, credit, amount, created_at) VALUES (?, ?, ?, ?, now())");
        }

        void run(Phase phase) {
            List<Leg> legs = new ArrayList<>(2);
            while (phase.claim(1) > 0) {
                legs.clear();
                source.nextPayment(legs);
                long sent = System.nanoTime();
                try {
                    String refusal = pay(legs);
                    if (refusal == null) {
                        phase.answered(sent, legs.size(), legs.stream().mapToLong(Leg::amount).sum());
                        continue;
                    }
                    phase.failed(refusal, legs.size());
                } catch (SQLException e) {
                    rollbackQuietly();
                    phase.failed("SQL: " + e.getMessage(), legs.size());
                }
                phase.answered(sent, 0, 0);
            }
        }

        /** Runs one payment's transaction; returns null when committed, else why it was refused. */
        private String pay(List<Leg> legs) throws SQLException {
            Map<String, Long> deltas = new TreeMap<>(); // sorted: locks are always taken in id order
            for (Leg leg : legs) {
                deltas.merge(leg.debit(), -leg.amount(), Long::sum);
                deltas.merge(leg.credit(), leg.amount(), Long::sum);
            }
            for (Map.Entry<String, Long> e : deltas.entrySet()) {
                lock.setString(1, e.getKey());
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next()) {
                        connection.rollback();
                        return "not_found: " + e.getKey();
                    }
                    if (r.getString(2).equals("wallet") && r.getLong(1) + e.getValue() < 0) {
                        connection.rollback();
                        return "insufficient_funds: " + e.getKey();
                    }
                }
            }
            for (Map.Entry<String, Long> e : deltas.entrySet()) {
                update.setLong(1, e.getValue());
                update.setString(2, e.getKey());
                update.executeUpdate();
            }
            for (Leg leg : legs) {
                insert.setString(1, leg.id());
                insert.setString(2, leg.debit());
                insert.setString(3, leg.credit());
                insert.setLong(4, leg.amount());
                insert.executeUpdate();
            }
            connection.commit();
            return null;
        }

        private void rollbackQuietly() {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the next statement will say so
            }
        }

        void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at the end of a run
            }
        }
    }
}
