package dev.farthing.bench.payments;

import dev.farthing.bench.LedgerFixture;
import dev.farthing.bench.Population;
import dev.farthing.bench.http.HttpTransport;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.risk.engine.DecisionObserver;
import dev.farthing.risk.engine.RiskEngineConfig;
import dev.farthing.risk.engine.RiskServices;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Payment decisions under a fixed offered rate (open loop), one JSON line per mode:
 * {@code ledger_baseline} (the same payments straight to the ledger), {@code in_process} (the risk engine in this
 * JVM) and {@code http} ({@code POST /v1/payments}). Each mode gets a fresh data directory, a warm-up at the same
 * rate, then the measured stretch. Usage:
 * {@code bench payments [--modes ledger_baseline,in_process,http] [--rate 20000] [--http-rate 5000]
 * [--duration 10] [--warmup 3] [--fsync true] [--connections 64] [--wallets 100000] [--model FILE] [--seed 1]}.
 * Payers are many (100,000 by default) so that at 20,000/s each pays about once in five seconds: with fewer,
 * the default policy rightly sees bots and declines most of the load, which would flatter the engine.
 */
public final class PaymentsBench {
    private PaymentsBench() {
    }

    public static void main(String[] args) throws Exception {
        PaymentsOptions o = PaymentsOptions.parse(args);
        Population population = Population.of("USD", o.wallets(), o.merchants());
        Path root = Files.createTempDirectory("farthing-payments-bench");
        for (String mode : o.modes()) {
            Path dir = Files.createDirectories(root.resolve(mode));
            String line = switch (mode) {
                case "ledger_baseline", "in_process" -> inProcess(o, population, dir, mode);
                case "http" -> http(o, population, dir);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
            System.out.println(line);
        }
    }

    private static String inProcess(PaymentsOptions o, Population population, Path dir, String mode) throws Exception {
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(o.fsync()))) {
            new LedgerFixture(ledger, population).prepare();
            if (mode.equals("ledger_baseline")) {
                return measure(o, o.rate(), "ledger_baseline", new LedgerBaselineTarget(ledger,
                        new PaymentTraffic(population, o.seed(), "b"), "atomic_pair fsync=" + o.fsync()));
            }
            try (RiskServices risk = RiskServices.open(ledger, dir.resolve("risk"),
                    RiskEngineConfig.defaults().withFsync(o.fsync()), DecisionObserver.NONE, 3600)) {
                String model = activateModel(o, risk);
                return measure(o, o.rate(), "in_process", new InProcessTarget(risk.engine(),
                        new PaymentTraffic(population, o.seed(), "p"), "fsync=" + o.fsync() + " model=" + model
                        + " policy=" + risk.config().activePolicy().version()));
            }
        }
    }

    private static String activateModel(PaymentsOptions o, RiskServices risk) throws Exception {
        if (o.model() == null) {
            return "none";
        }
        String version = risk.config().models().register(o.model());
        risk.config().models().activate(version);
        risk.config().pollModels();
        return version;
    }

    private static String http(PaymentsOptions o, Population population, Path dir) throws Exception {
        System.setProperty("farthing.risk.nofsync", Boolean.toString(!o.fsync()));
        ServerOptions serverOptions = new ServerOptions(dir, "127.0.0.1", 0,
                LedgerConfig.defaults(dir).withFsync(o.fsync()));
        try (FarthingServer server = FarthingServer.start(serverOptions);
             HttpTransport.Factory factory = HttpTransport.Factory.of("raw", "127.0.0.1", server.port(),
                     server.bootstrapAdminKey())) {
            new LedgerFixture(server.ledger(), population).prepare();
            try (HttpTarget target = new HttpTarget(factory, population, o.seed(), o.connections())) {
                return measure(o, o.httpRate(), "http", target);
            }
        }
    }

    private static String measure(PaymentsOptions o, double rate, String mode, PaymentTarget target) throws Exception {
        try (target) {
            if (o.warmupS() > 0) {
                LatencyRecorder warmup = new LatencyRecorder();
                OpenLoop.run(rate, o.warmupS(), intended -> target.send(intended, warmup));
                target.drain();
            }
            System.gc();
            LatencyRecorder measured = new LatencyRecorder();
            OpenLoop.run(rate, o.durationS(), intended -> target.send(intended, measured));
            target.drain();
            return measured.line(mode, rate, target.settings() + " duration_s=" + o.durationS());
        }
    }

    /** Command-line options; every one has a default. */
    record PaymentsOptions(List<String> modes, double rate, double httpRate, double durationS, double warmupS,
                           boolean fsync, int connections, int wallets, int merchants, long seed, Path model) {
        static PaymentsOptions parse(String[] args) {
            List<String> modes = List.of("ledger_baseline", "in_process", "http");
            double rate = 20_000;
            double httpRate = 5_000;
            double duration = 10;
            double warmup = 3;
            boolean fsync = true;
            int connections = 64;
            int wallets = 100_000;
            long seed = 1;
            Path model = null;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--modes" -> modes = List.of(v.split(","));
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--http-rate" -> httpRate = Double.parseDouble(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--fsync" -> fsync = Boolean.parseBoolean(v);
                    case "--connections" -> connections = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--wallets" -> wallets = Integer.parseInt(v);
                    case "--model" -> model = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come in pairs: --name value");
            }
            return new PaymentsOptions(modes, rate, httpRate, duration, warmup, fsync, connections, wallets, 1_000,
                    seed, model);
        }
    }
}
