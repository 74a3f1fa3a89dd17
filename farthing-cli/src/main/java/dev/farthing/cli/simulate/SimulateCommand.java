package dev.farthing.cli.simulate;

import dev.farthing.cli.CliException;
import dev.farthing.cli.HelpOption;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.simulator.Simulation;
import dev.farthing.simulator.SimulationConfig;
import dev.farthing.simulator.Family;
import dev.farthing.simulator.drive.DriveReport;
import dev.farthing.simulator.drive.LedgerSetup;
import dev.farthing.simulator.drive.PaymentDriver;
import dev.farthing.simulator.drive.ServerApi;
import dev.farthing.simulator.eval.DetectionHarness;
import dev.farthing.simulator.eval.Pipeline;
import dev.farthing.simulator.eval.QualityReport;
import dev.farthing.simulator.eval.Targets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code farthing simulate}: labelled micropayment traffic with attack campaigns, to a file, a harness or a server. */
@Command(name = "simulate", subcommands = {TrainModelCommand.class, CrossEvalCommand.class}, sortOptions = false,
        description = {"Generate realistic micropayment traffic with labelled attack campaigns (bot, account_farm, "
                + "velocity, view_bot, card_testing, mule_ring, account_takeover). Then write it (--out, the 'farthing' "
                + "dataset format), score it in-process and report detection quality per scenario (--evaluate), or drive "
                + "a running server (--target URL --key KEY --rate N --duration D).",
                "Without --seed a seed is drawn from the clock and printed."})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;
    @Option(names = "--seed", description = "Seed of the traffic (same seed, same traffic). Default: from the clock.")
    private Long seed;
    @Option(names = "--family", defaultValue = "a", description = {"Traffic family: a (the first simulator), b (the",
            "independently written second one) or mix (half the users in each). Default: ${DEFAULT-VALUE}."})
    private String family;
    @Option(names = "--users", defaultValue = "2000", description = "People simulated. Default: ${DEFAULT-VALUE}.")
    private int users;
    @Option(names = "--duration", defaultValue = "24h", description = {"Simulated window (e.g. 90m, 24h, 2d);",
            "with --target, the longest the run may take. Default: ${DEFAULT-VALUE}."})
    private String duration;
    @Option(names = "--sim-duration", description = "With --target: the simulated window replayed (default 24h).")
    private String simDuration;
    @Option(names = "--warmup", defaultValue = "12h", description = {"Legitimate traffic only, before the window, so that",
            "feature state is warm as in production (not scored). Default: ${DEFAULT-VALUE}."})
    private String warmup;
    @Option(names = "--start", description = "Start of the window, RFC 3339. Default: 2026-01-05T00:00:00Z.")
    private Instant start;
    @Option(names = "--currency", defaultValue = "USD", description = "Currency code. Default: ${DEFAULT-VALUE}.")
    private String currency;
    @Option(names = "--scale", defaultValue = "4", description = "Currency scale (minor units per major = 10^scale). Default: ${DEFAULT-VALUE}.")
    private int scale;
    @Option(names = "--attack-scale", defaultValue = "1", description = "Attack campaigns relative to the default mix (0 = none). Default: ${DEFAULT-VALUE}.")
    private double attackScale;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the labelled dataset (JSON Lines).")
    private Path out;
    @Option(names = "--evaluate", description = "Decide every payment in-process and print detection quality per scenario.")
    private boolean evaluate;
    @Option(names = "--model", paramLabel = "FILE", description = "With --evaluate: model bundle (default: the shipped model).")
    private Path model;
    @Option(names = "--policy", paramLabel = "FILE", description = "With --evaluate: policy file (default: the shipped policy).")
    private Path policy;
    @Option(names = "--target", paramLabel = "URL", description = "Drive the server at URL (e.g. http://127.0.0.1:8080).")
    private URI target;
    @Option(names = "--key", description = "With --target: an operator (or admin) API key.")
    private String key;
    @Option(names = "--rate", description = {"With --target: a fixed-rate load test at this many payments per second instead",
            "of the simulated schedule (decisions are then not comparable with --evaluate)."})
    private Double rate;
    @Option(names = "--compression", description = {"With --target: how many times faster than simulated the schedule is",
            "replayed. Default: the least that fits warm-up + window into --duration (1 = real pace)."})
    private Double compression;
    @Option(names = "--allow-compression", description = {"With --target: drive even when compression > 1 (the server then sees",
            "bursts that never happened; its figures are compared with an in-process replay of the same schedule)."})
    private boolean allowCompression;
    @Option(names = "--concurrency", defaultValue = "1024", description = "With --target: most requests in flight. Default: ${DEFAULT-VALUE}.")
    private int concurrency;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        long chosenSeed = seed != null ? seed : System.currentTimeMillis();
        SimulationConfig config;
        try {
            Duration window = Durations.parse(target != null ? (simDuration != null ? simDuration : "24h") : duration);
            config = new SimulationConfig(chosenSeed, users, start != null ? start : SimulationConfig.DEFAULT_START,
                    window, currency, scale, attackScale, Durations.parse(warmup));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (out == null && !evaluate && target == null) {
            throw new CliException("say what to do with the traffic: --out FILE, --evaluate or --target URL");
        }
        long t0 = System.nanoTime();
        Family chosenFamily;
        try {
            chosenFamily = Family.parse(family);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        Simulation sim = chosenFamily.run(config);
        stdout.printf("family=%s seed=%d users=%d window=%s: %d payments generated (warm-up included) in %.1f s%n",
                family, chosenSeed, users, config.duration(), sim.records().size(), (System.nanoTime() - t0) / 1e9);
        for (String scenario : PaymentRecord.SCENARIOS) {
            stdout.printf("  %-17s %8d%n", scenario, sim.count(scenario));
        }
        if (!sim.cohorts().isEmpty()) {
            stdout.printf("  %-17s %8d (legit, new fans of creators who went viral)%n", "viral bursts", sim.cohorts().size());
        }
        if (out != null) {
            PaymentDataset.write(out, sim.records());
            stdout.println("wrote " + out);
        }
        int code = 0;
        if (evaluate) {
            code = evaluate(sim, stdout);
        }
        if (target != null) {
            drive(sim, stdout);
        }
        stdout.flush();
        return code;
    }

    private int evaluate(Simulation sim, PrintWriter stdout) {
        var riskModel = Pipeline.model(model);
        var policySet = Pipeline.policy(policy);
        String label = "family " + family + ", seed " + sim.config().seed() + ", model " + riskModel.map(m -> m.version()).orElse("none")
                + ", policy " + policySet.version();
        QualityReport report = DetectionHarness.evaluate(label, sim, Pipeline.decider(riskModel, policySet));
        stdout.print(report.format());
        List<String> misses = report.violations(Targets.issue3());
        misses.forEach(m -> stdout.println("target missed: " + m));
        stdout.println(misses.isEmpty() ? "all detection targets met" : misses.size() + " target(s) missed");
        return 0;
    }

    private void drive(Simulation sim, PrintWriter stdout) throws InterruptedException {
        if (key == null) {
            throw new CliException("--target needs --key (an operator or admin API key)");
        }
        ServerApi api = new ServerApi(target, key);
        long t0 = System.nanoTime();
        LedgerSetup.prepare(api, sim.records(), currency, sim.config().seed());
        stdout.printf("opened and funded %d payer and %d payee accounts in %.1f s%n", sim.payers().size(),
                sim.merchants().size(), (System.nanoTime() - t0) / 1e9);
        stdout.flush();
        Duration limit = Durations.parse(duration);
        if (rate != null) {
            DriveReport report = new PaymentDriver(api, rate, limit.toNanos(), concurrency).run(sim.records());
            stdout.print(report.format("seed " + sim.config().seed() + " against " + target + " at " + rate + "/s"));
            long span = sim.records().isEmpty() ? 0 : sim.records().getLast().atNanos() - sim.records().getFirst().atNanos();
            stdout.printf("fixed-rate load test: %.0f simulated hours sent as fast as %.0f/s, warm-up included and scored; "
                    + "time is compressed, so these decisions are NOT comparable with --evaluate (drop --rate to replay the "
                    + "simulated schedule)%n", span / 3.6e12, rate);
            return;
        }
        TargetParity.run(api, sim, target, limit, compression, allowCompression, concurrency, Pipeline.model(model),
                Pipeline.policy(policy), stdout);
    }
}
