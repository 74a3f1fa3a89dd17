package dev.farthing.bench;

import dev.farthing.bench.http.HttpTransport;
import dev.farthing.bench.postgres.PostgresBaseline;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Executes one workload in one mode once: a fresh ledger (or server, or PostgreSQL tables), setup, an
 * optional warm-up, the measured phase, then the audit. Every run starts from an empty data directory so
 * runs are independent and the journal never carries a previous run's history.
 */
final class SingleRun {
    private final BenchOptions options;
    private final Path root;
    private final PostgresBaseline postgres;
    private final Population population;

    SingleRun(BenchOptions options, Path root, PostgresBaseline postgres) {
        this.options = options;
        this.root = root;
        this.postgres = postgres;
        this.population = Population.of(options);
    }

    /** What one run produced: its result line and anything the audit or the clients found wrong. */
    record Outcome(BenchResult result, List<String> problems) {
    }

    Outcome execute(Workload workload, Mode mode, int run) throws Exception {
        Path dir = Files.createDirectories(root.resolve(workload.wire() + "-" + mode.wire() + "-" + run));
        try {
            return switch (mode) {
                case IN_PROCESS_BATCH -> inProcess(workload, run, dir);
                case HTTP_BATCH, HTTP_SINGLE -> http(workload, mode, run, dir);
                case POSTGRES -> postgres(workload, run);
            };
        } finally {
            if (options.dataDir() == null) {
                deleteRecursively(dir); // a temp run; with --data the files stay for inspection
            }
        }
    }

    private Outcome inProcess(Workload workload, int run, Path dir) throws Exception {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir).withFsync(true))) {
            LedgerFixture fixture = new LedgerFixture(ledger, population);
            fixture.prepare();
            PaymentSource source = sources(workload, run, 1).getFirst();
            ModeDriver driver = new InProcessBatchDriver(ledger, source, population.currency(),
                    options.paymentsPerBatch(workload), options.inflight());
            return measure(driver, fixture, workload, Mode.IN_PROCESS_BATCH, run);
        }
    }

    private Outcome http(Workload workload, Mode mode, int run, Path dir) throws Exception {
        ServerOptions serverOptions = new ServerOptions(dir, "127.0.0.1", 0, LedgerConfig.defaults(dir).withFsync(true));
        try (FarthingServer server = FarthingServer.start(serverOptions);
             HttpTransport.Factory factory = HttpTransport.Factory.of(options.httpClient(), "127.0.0.1",
                     server.port(), server.bootstrapAdminKey())) {
            LedgerFixture fixture = new LedgerFixture(server.ledger(), population);
            fixture.prepare();
            int connections = mode == Mode.HTTP_BATCH ? options.batchClients() : options.clients();
            List<HttpTransport> transports = new ArrayList<>();
            try {
                for (int i = 0; i < connections; i++) {
                    transports.add(factory.open());
                }
                List<PaymentSource> sources = sources(workload, run, connections);
                ModeDriver driver = mode == Mode.HTTP_BATCH
                        ? new HttpBatchDriver(transports, sources, population.currency(),
                        options.paymentsPerBatch(workload), options.httpClient())
                        : new HttpSingleDriver(transports, sources, population.currency(), options.httpClient());
                return measure(driver, fixture, workload, mode, run);
            } finally {
                transports.forEach(HttpTransport::close);
            }
        }
    }

    private Outcome postgres(Workload workload, int run) throws Exception {
        try (PostgresBaseline.Prepared prepared = postgres.prepare(population, sources(workload, run, options.clients()))) {
            return measure(prepared.driver(), prepared.schema(), workload, Mode.POSTGRES, run);
        }
    }

    private List<PaymentSource> sources(Workload workload, int run, int clients) {
        List<PaymentSource> sources = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            sources.add(new PaymentSource(workload, population, options.seed() + run, "r" + run, i));
        }
        return sources;
    }

    private Outcome measure(ModeDriver driver, Audited target, Workload workload, Mode mode, int run) throws Exception {
        List<String> problems = new ArrayList<>();
        boolean anyFailures = false;
        if (options.warmupS() > 0) {
            Phase warmup = new Phase(Long.MAX_VALUE, options.warmupS());
            driver.runPhase(warmup);
            target.expect(warmup);
            anyFailures = warmup.failures() > 0;
            if (anyFailures) {
                problems.add("warm-up: " + warmup.failures() + " transfers failed, first: " + warmup.firstFailure());
            }
        }
        System.gc(); // start the measured phase without the warm-up's garbage
        Phase measured = new Phase(options.paymentBudget(workload), options.durationS());
        driver.runPhase(measured);
        target.expect(measured);
        if (measured.failures() > 0) {
            anyFailures = true;
            problems.add(measured.failures() + " transfers failed, first: " + measured.firstFailure());
        }
        for (String p : target.audit(anyFailures)) {
            problems.add("audit: " + p);
        }
        List<String> labelled = problems.stream().map(p -> workload.wire() + "/" + mode.wire() + " run " + run + ": " + p).toList();
        return new Outcome(measured.result(workload, mode, run, driver.settings()), labelled);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: leftovers in a temp directory are harmless
        }
    }
}
