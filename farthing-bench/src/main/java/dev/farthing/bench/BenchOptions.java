package dev.farthing.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one {@code farthing bench ledger} invocation. Build it with {@link #parse(String...)} (the flags
 * are listed in {@link #USAGE}) or the canonical constructor.
 *
 * @param transfers   measured transfers per result; 0 means "until {@code durationS}"
 * @param durationS   upper bound on one measured run, seconds
 * @param warmupS     unmeasured load before each measured run (lets the JIT compile the hot paths)
 * @param clients     concurrent connections for {@code http_single} and {@code postgres}
 * @param batchClients concurrent connections for {@code http_batch}
 * @param inflight    batches outstanding at once for {@code in_process_batch}
 * @param batch       transfers per batch in the batched modes (at most 8,192)
 * @param dataDir     parent directory for ledger and PostgreSQL data, kept after the run; null means a temp
 *                    directory deleted after each run
 * @param runs        repetitions of every workload/mode pair; the summary quotes medians
 * @param httpClient  {@code raw} (a minimal blocking HTTP/1.1 client) or {@code jdk} ({@code java.net.http})
 */
public record BenchOptions(List<Workload> workloads, List<Mode> modes, long transfers, double durationS,
                           double warmupS, int clients, int batchClients, int inflight, int batch, Path dataDir,
                           boolean quick, int runs, int wallets, int merchants, long seed, String httpClient) {

    /** Also picocli's footer in {@code farthing bench ledger --help}: keep it free of '%' (a format string there). */
    public static final String USAGE = """
            farthing bench ledger [options]
              --workload uniform|hot|all          (default all)
              --mode in_process_batch|http_batch|http_single|postgres|all   (default all; comma lists allowed)
              --transfers N        measured transfers per result (default: run for --duration-s)
              --duration-s S       seconds per measured run (default 10)
              --warmup-s S         unmeasured warm-up before each run (default 3)
              --clients N          connections for http_single and postgres (default 64)
              --batch-clients N    connections for http_batch (default 4)
              --inflight N         outstanding batches for in_process_batch (default 8)
              --batch N            transfers per batch, <= 8192 (default 8192)
              --runs N             repetitions; the summary quotes medians (default 1)
              --wallets N / --merchants N   population (default 10000 / 1000)
              --seed N             random seed (default 42)
              --http-client raw|jdk   load-generator HTTP client (default raw)
              --data DIR           keep every run's ledger data under DIR for inspection
                                   (default: a temp dir, deleted after each run; PostgreSQL's is always deleted)
              --quick              tiny run for CI: 4000 transfers, 500 wallets, no warm-up
            """;

    public BenchOptions {
        workloads = List.copyOf(workloads);
        modes = List.copyOf(modes);
        if (workloads.isEmpty() || modes.isEmpty()) {
            throw new IllegalArgumentException("at least one workload and one mode");
        }
        if (transfers < 0 || durationS <= 0 || warmupS < 0 || runs < 1 || wallets < 1 || merchants < 1) {
            throw new IllegalArgumentException("counts and durations must be positive");
        }
        if (clients < 1 || batchClients < 1 || inflight < 1 || batch < 2 || batch > 8192) {
            throw new IllegalArgumentException("clients, batch-clients, inflight >= 1 and batch in 2..8192");
        }
        if (!httpClient.equals("raw") && !httpClient.equals("jdk")) {
            throw new IllegalArgumentException("--http-client must be raw or jdk");
        }
    }

    /** Parses flags ({@code --name value} or {@code --name=value}); throws IllegalArgumentException with the reason. */
    public static BenchOptions parse(String... args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("quick")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            flags.put(name, value);
        }
        return fromFlags(flags);
    }

    private static BenchOptions fromFlags(Map<String, String> f) {
        Flags flags = new Flags(f);
        boolean quick = Boolean.parseBoolean(flags.take("quick", "false"));
        BenchOptions o = new BenchOptions(
                parseList(flags.take("workload", "all"), Workload.values(), Workload::fromWire),
                parseList(flags.take("mode", "all"), Mode.values(), Mode::fromWire),
                Long.parseLong(flags.take("transfers", quick ? "4000" : "0")),
                Double.parseDouble(flags.take("duration-s", quick ? "20" : "10")),
                Double.parseDouble(flags.take("warmup-s", quick ? "0" : "3")),
                Integer.parseInt(flags.take("clients", quick ? "8" : "64")),
                Integer.parseInt(flags.take("batch-clients", quick ? "2" : "4")),
                Integer.parseInt(flags.take("inflight", quick ? "4" : "8")),
                Integer.parseInt(flags.take("batch", quick ? "256" : "8192")),
                flags.has("data") ? Path.of(flags.take("data", null)) : null,
                quick,
                Integer.parseInt(flags.take("runs", "1")),
                Integer.parseInt(flags.take("wallets", quick ? "500" : "10000")),
                Integer.parseInt(flags.take("merchants", quick ? "50" : "1000")),
                Long.parseLong(flags.take("seed", "42")),
                flags.take("http-client", "raw").toLowerCase(Locale.ROOT));
        flags.requireAllUsed();
        return o;
    }

    private static <T> List<T> parseList(String spec, T[] all, java.util.function.Function<String, T> one) {
        if (spec.equals("all")) {
            return Arrays.asList(all);
        }
        List<T> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            T t = one.apply(part.trim().toLowerCase(Locale.ROOT));
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Measured payments per run, or {@link Long#MAX_VALUE} when only the duration bounds the run. */
    public long paymentBudget(Workload w) {
        return transfers == 0 ? Long.MAX_VALUE : Math.ceilDiv(transfers, w.legs());
    }

    /** Payments per batch: whole payments only, so a hot payment's two legs never straddle two batches. */
    public int paymentsPerBatch(Workload w) {
        return Math.max(1, batch / w.legs());
    }

    /** Keeps track of which flags were consumed so a typo is an error rather than silently ignored. */
    private static final class Flags {
        private final Map<String, String> values;

        Flags(Map<String, String> values) {
            this.values = new HashMap<>(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String take(String name, String fallback) {
            String v = values.remove(name);
            return v != null ? v : fallback;
        }

        void requireAllUsed() {
            if (!values.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", values.keySet()));
            }
        }
    }
}
