package dev.farthing.simulator.provider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the provider simulator as its own process:
 * {@code java -cp ... dev.farthing.simulator.provider.ProviderSimulatorMain --config sim.json [--port 0] [--watch-stdin]}
 * ({@code --config-json '{...}'} instead of a file). Prints {@code PROVIDER-SIM LISTENING <port>} once it serves;
 * with {@code --watch-stdin} it exits when its stdin closes, so a test's child never outlives the test.
 * {@code ProviderSimulatorMain camt053-faults ...} writes a faulty camt.053 instead (see {@link FaultyStatementsMain}).
 */
public final class ProviderSimulatorMain {
    public static final String READY_LINE = "PROVIDER-SIM LISTENING ";

    private ProviderSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("camt053-faults")) {
            try {
                FaultyStatementsMain.run(args);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
            return;
        }
        String json = null;
        int port = 0;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> json = Files.readString(Path.of(value(args, ++i, "--config")), StandardCharsets.UTF_8);
                case "--config-json" -> json = value(args, ++i, "--config-json");
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--watch-stdin" -> watchStdin = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (json == null) {
            usage("--config FILE or --config-json JSON is required");
        }
        ProviderSimulator sim = ProviderSimulator.start(SimConfig.parse(json), port);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println(READY_LINE + sim.port());
        System.out.flush();
        if (watchStdin) {
            InputStream in = System.in;
            while (in.read() >= 0) {
                // Anything the parent writes is ignored; only end-of-file matters.
            }
            sim.close();
            System.exit(0);
        }
        Thread.currentThread().join();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ProviderSimulatorMain (--config FILE | --config-json JSON) [--port N] [--watch-stdin]");
        System.err.println("       ProviderSimulatorMain camt053-faults --expected CSV --out XML --truth CSV [--seed N] [--rate R] [--iban IBAN] [--date D]");
        System.exit(2);
    }
}
