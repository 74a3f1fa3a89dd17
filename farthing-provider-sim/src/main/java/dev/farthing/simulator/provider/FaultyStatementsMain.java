package dev.farthing.simulator.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ProviderSimulatorMain camt053-faults --expected payouts.csv --out statement.xml --truth faults.csv
 * [--seed N] [--rate R] [--iban IBAN] [--date YYYY-MM-DD]}: writes a camt.053 with injected faults (each kind at
 * rate R per payout line, default 0.01) and the list of what was injected. {@code payouts.csv} has the header
 * {@code endToEndId,currency,scale,amountMinor,valueDate,feeMinor}; the truth file
 * {@code kind,endToEndId,entryRef,detail}.
 */
final class FaultyStatementsMain {

    private FaultyStatementsMain() {
    }

    static void run(String[] args) throws IOException {
        Path expected = null;
        Path out = null;
        Path truth = null;
        long seed = 1;
        double rate = 0.01;
        String iban = "DE89370400440532013000";
        LocalDate date = null;
        for (int i = 1; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i++]) {
                case "--expected" -> expected = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--truth" -> truth = Path.of(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--iban" -> iban = v;
                case "--date" -> date = LocalDate.parse(v);
                default -> throw new IllegalArgumentException("unknown argument " + args[i - 1]);
            }
        }
        if (expected == null || out == null || truth == null) {
            throw new IllegalArgumentException("--expected, --out and --truth are required");
        }
        List<FaultyStatements.Expected> lines = new ArrayList<>();
        List<String> csv = Files.readAllLines(expected, StandardCharsets.UTF_8);
        for (int n = 1; n < csv.size(); n++) {
            if (csv.get(n).isBlank()) {
                continue;
            }
            String[] f = csv.get(n).split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(expected + ":" + (n + 1) + ": want 6 fields, got " + f.length);
            }
            lines.add(new FaultyStatements.Expected(f[0], f[1], Integer.parseInt(f[2]), Long.parseLong(f[3]),
                    LocalDate.parse(f[4]), Long.parseLong(f[5])));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(expected + " has no payouts");
        }
        LocalDate day = date != null ? date : lines.getFirst().valueDate();
        FaultyStatements.Result r = FaultyStatements.generate("FAULTY-" + seed, day.atTime(20, 0).toInstant(ZoneOffset.UTC),
                iban, day, lines, FaultyStatements.Rates.uniform(rate), seed);
        BankSimulator.write(out.toAbsolutePath(), r.camt053());
        StringBuilder t = new StringBuilder("kind,endToEndId,entryRef,detail\n");
        for (FaultyStatements.Fault f : r.faults()) {
            t.append(f.kind()).append(',').append(f.endToEndId() == null ? "" : f.endToEndId()).append(',')
                    .append(f.entryRef()).append(',').append(f.detail()).append('\n');
        }
        BankSimulator.write(truth.toAbsolutePath(), t.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("wrote " + out + " (" + r.entries().size() + " lines) and " + truth + " (" + r.faults().size()
                + " faults)");
    }
}
