package dev.farthing.bench.rate;

import dev.farthing.bench.LedgerFixture;
import dev.farthing.bench.PaymentSource;
import dev.farthing.bench.Population;
import dev.farthing.bench.Workload;
import dev.farthing.bench.http.HttpTransport;
import dev.farthing.bench.http.TransferJson;
import dev.farthing.bench.payments.LatencyRecorder;
import dev.farthing.bench.payments.OpenLoop;
import dev.farthing.bench.payments.PaymentsBench;
import dev.farthing.ledger.api.Ledger;
import dev.farthing.ledger.api.LedgerConfig;
import dev.farthing.ledger.api.Ledgers;
import dev.farthing.server.FarthingServer;
import dev.farthing.server.ServerOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Latency at a fixed arrival rate (open loop): arrival {@code i} is due at {@code start + i / rate} whatever the
 * system does, and its latency runs from that intended time to its durable answer (HdrHistogram, 3 digits), so a
 * stall shows up in every arrival it delays: no coordinated omission. One JSON line per run, then a median line.
 * Targets: {@code transfers} (one transfer per arrival; in process {@code Ledger.createTransfer}, over HTTP
 * {@code POST /v1/transfers} from {@code --connections} keep-alive connections), {@code claims} (in process: one
 * channel claim redeemed per arrival, one channel per worker), {@code payments} (delegates to
 * {@link PaymentsBench}: risk-checked payments, in process or {@code POST /v1/payments}). Usage:
 * <pre>bench rate --target transfers|claims|payments --via in_process|http --rate 20000 [--duration 10]
 *      [--warmup 3] [--runs 3] [--connections 64] [--workers 4] [--fsync true] [--seed 1]</pre>
 */
public final class RateBench {
    private RateBench() {
    }

    public record Options(String target, String via, double rate, double durationS, double warmupS, int runs, int connections,
                   int workers, boolean fsync, long seed) {
        public static Options parse(String[] args) {
            String target = "transfers";
            String via = "in_process";
            double rate = 20_000;
            double duration = 10;
            double warmup = 3;
            int runs = 3;
            int connections = 64;
            int workers = 4;
            boolean fsync = true;
            long seed = 1;
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("options come in pairs: --name value");
            }
            for (int i = 0; i < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--target" -> target = v;
                    case "--via" -> via = v;
                    case "--rate" -> rate = Double.parseDouble(v);
                    case "--duration" -> duration = Double.parseDouble(v);
                    case "--warmup" -> warmup = Double.parseDouble(v);
                    case "--runs" -> runs = Integer.parseInt(v);
                    case "--connections" -> connections = Integer.parseInt(v);
                    case "--workers" -> workers = Integer.parseInt(v);
                    case "--fsync" -> fsync = Boolean.parseBoolean(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (!List.of("transfers", "claims", "payments").contains(target) || !List.of("in_process", "http").contains(via)) {
                throw new IllegalArgumentException("--target transfers|claims|payments, --via in_process|http");
            }
            if (target.equals("claims") && via.equals("http")) {
                throw new IllegalArgumentException("claims are measured in process only (the HTTP claim route needs"
                        + " channels opened over HTTP, which this mode does not do yet)");
            }
            if (rate <= 0 || duration <= 0 || runs < 1) {
                throw new IllegalArgumentException("--rate, --duration and --runs must be positive");
            }
            return new Options(target, via, rate, duration, warmup, runs, connections, workers, fsync, seed);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (!o.target().equals("payments")) {
            run(o, System.out::println);
            return;
        }
        {
            PaymentsBench.main(new String[] {"--modes", o.via(), o.via().equals("http") ? "--http-rate" : "--rate",
                    Double.toString(o.rate()), "--duration", Double.toString(o.durationS()), "--warmup",
                    Double.toString(o.warmupS()), "--fsync", Boolean.toString(o.fsync()), "--connections",
                    Integer.toString(o.connections()), "--seed", Long.toString(o.seed())});
        }
    }

    /** Runs transfers or claims; hands each JSON line (one per run, then the median) to {@code out}; returns the median. */
    static String run(Options o, java.util.function.Consumer<String> out) throws Exception {
        List<long[]> results = new ArrayList<>();
        for (int run = 1; run <= o.runs(); run++) {
            Path dir = Files.createTempDirectory("farthing-rate-bench");
            LatencyRecorder measured = switch (o.target() + "/" + o.via()) {
                case "transfers/in_process" -> transfersInProcess(o, dir, run);
                case "transfers/http" -> transfersHttp(o, dir, run);
                case "claims/in_process" -> ClaimWorkers.measure(o, dir);
                default -> throw new IllegalStateException(o.target() + " via " + o.via());
            };
            String mode = o.target() + "_" + o.via();
            String line = measured.line(mode, o.rate(), settings(o) + " run=" + run);
            out.accept(line);
            results.add(new long[] {measured.achievedPerSecond(), measured.percentileNanos(50),
                    measured.percentileNanos(99), measured.percentileNanos(99.9), measured.failureCount()});
            deleteQuietly(dir);
        }
        String median = median(o, results);
        out.accept(median);
        return median;
    }

    static String settings(Options o) {
        return "fsync=" + o.fsync() + (o.via().equals("http") ? " connections=" + o.connections() : "")
                + (o.target().equals("claims") ? " workers=" + o.workers() : "") + " duration_s=" + o.durationS();
    }

    private static String median(Options o, List<long[]> results) {
        long[] m = new long[5];
        for (int k = 0; k < m.length; k++) {
            long[] col = new long[results.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = results.get(i)[k];
            }
            Arrays.sort(col);
            m[k] = col[col.length / 2];
        }
        return String.format(Locale.ROOT, "{\"mode\":\"%s_%s\",\"summary\":\"median\",\"runs\":%d,\"offered_per_s\":%d,"
                        + "\"achieved_per_s\":%d,\"p50_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,\"failures\":%d,\"settings\":\"%s\"}",
                o.target(), o.via(), results.size(), Math.round(o.rate()), m[0], m[1] / 1e3, m[2] / 1e3, m[3] / 1e3, m[4],
                settings(o));
    }

    /** Warm-up at the same rate (not recorded), then the measured stretch; waits for every answer of each. */
    static LatencyRecorder measure(Options o, OpenLoop.Sender warm, LatencyRecorder measured, OpenLoop.Sender timed,
                                   Drain drain) throws Exception {
        if (o.warmupS() > 0) {
            OpenLoop.run(o.rate(), o.warmupS(), warm);
            drain.await();
        }
        System.gc();
        measured.restart();
        OpenLoop.run(o.rate(), o.durationS(), timed);
        drain.await();
        return measured;
    }

    interface Drain {
        void await() throws InterruptedException;
    }

    private static LatencyRecorder transfersInProcess(Options o, Path dir, int run) throws Exception {
        Population population = Population.of("USD", 10_000, 1_000);
        try (Ledger ledger = Ledgers.open(LedgerConfig.defaults(dir.resolve("ledger")).withFsync(o.fsync()))) {
            new LedgerFixture(ledger, population).prepare();
            PaymentSource source = new PaymentSource(Workload.UNIFORM, population, o.seed(), "r" + run, 0);
            java.util.concurrent.atomic.AtomicLong outstanding = new java.util.concurrent.atomic.AtomicLong();
            List<PaymentSource.Leg> legs = new ArrayList<>(1);
            LatencyRecorder warmup = new LatencyRecorder();
            LatencyRecorder measured = new LatencyRecorder();
            OpenLoop.Sender[] senders = new OpenLoop.Sender[2];
            for (int s = 0; s < 2; s++) {
                LatencyRecorder into = s == 0 ? warmup : measured;
                senders[s] = intended -> {
                    legs.clear();
                    source.nextPayment(legs);
                    outstanding.incrementAndGet();
                    ledger.createTransfer(legs.getFirst().toNewTransfer("USD")).whenComplete((r, e) -> {
                        if (e != null) {
                            into.failed(intended, e.toString());
                        } else if (r.isOk()) {
                            into.answered(intended, "posted");
                        } else {
                            into.failed(intended, r.error().code() + ": " + r.detail());
                        }
                        outstanding.decrementAndGet();
                    });
                };
            }
            return measure(o, senders[0], measured, senders[1], () -> {
                while (outstanding.get() > 0) {
                    Thread.sleep(1);
                }
            });
        }
    }

    private static LatencyRecorder transfersHttp(Options o, Path dir, int run) throws Exception {
        Population population = Population.of("USD", 10_000, 1_000);
        ServerOptions serverOptions = new ServerOptions(dir, "127.0.0.1", 0, LedgerConfig.defaults(dir).withFsync(o.fsync()));
        try (FarthingServer server = FarthingServer.start(serverOptions);
             HttpTransport.Factory factory = HttpTransport.Factory.of("raw", "127.0.0.1", server.port(),
                     server.bootstrapAdminKey())) {
            new LedgerFixture(server.ledger(), population).prepare();
            List<Arrivals.Worker> workers = new ArrayList<>();
            for (int c = 0; c < o.connections(); c++) {
                HttpTransport http = factory.open();
                PaymentSource source = new PaymentSource(Workload.UNIFORM, population, o.seed(), "h" + run, c);
                List<PaymentSource.Leg> legs = new ArrayList<>(1);
                workers.add(new Arrivals.Worker() {
                    @Override
                    public void serve(long intended, LatencyRecorder recorder) throws Exception {
                        legs.clear();
                        source.nextPayment(legs);
                        HttpTransport.Response r = http.post("/v1/transfers", TransferJson.single(legs.getFirst(), "USD"));
                        if (r.status() == 201) {
                            recorder.answered(intended, "posted");
                        } else {
                            String text = r.bodyText();
                            recorder.failed(intended, "HTTP " + r.status() + " " + text.substring(0, Math.min(200, text.length())));
                        }
                    }

                    @Override
                    public void close() {
                        http.close();
                    }
                });
            }
            try (Arrivals arrivals = new Arrivals(workers, true, backlog(o))) {
                LatencyRecorder warmup = new LatencyRecorder();
                LatencyRecorder measured = new LatencyRecorder();
                return measure(o, intended -> arrivals.send(intended, warmup), measured,
                        intended -> arrivals.send(intended, measured), arrivals::drain);
            }
        }
    }

    /** Two seconds of arrivals may queue for a worker; more means saturation, reported as failures. */
    static int backlog(Options o) {
        return (int) Math.min(1 << 20, Math.max(1_000, o.rate() * 2));
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp directory; the OS cleans it otherwise
        }
    }
}
