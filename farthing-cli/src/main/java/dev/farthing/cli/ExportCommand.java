package dev.farthing.cli;

import dev.farthing.customers.analytics.FactLog;
import dev.farthing.customers.analytics.KAnonymousExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code farthing export}: payment statistics as CSV, k-anonymous over period, area and creator (see
 * {@link KAnonymousExport}), read from the pseudonymous payment facts in {@code DATA/analytics/facts} without
 * changing them. Refuses (exit 1, nothing written) when even the coarsest generalisation would suppress too much.
 */
@Command(name = "export", description = {"Export payment statistics as CSV, k-anonymous: every row covers at least k distinct payers.",
        "Days become weeks or months, countries regions or the world, until at most --max-suppressed of the payments",
        "fall in classes below k (those are left out); refuses when even the coarsest level cannot."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The CSV file to write (replaced).")
    private Path out;

    @Option(names = "--k", paramLabel = "N", defaultValue = "" + KAnonymousExport.DEFAULT_K,
            description = "Distinct payers every row must cover, at least 2. Default: ${DEFAULT-VALUE}.")
    private int k;

    @Option(names = "--max-suppressed", paramLabel = "SHARE", defaultValue = "" + KAnonymousExport.DEFAULT_MAX_SUPPRESSED,
            description = "Largest share of payments that may be left out, 0..1. Default: ${DEFAULT-VALUE}.")
    private double maxSuppressed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = data.requireExisting();
        Path facts = dir.resolve("analytics").resolve("facts");
        if (!FactLog.exists(facts)) {
            throw new CliException("no payment facts in " + facts + " (the server keeps them from its first payment on)");
        }
        if (k < 2) {
            throw new CliException("--k must be at least 2, not " + k);
        }
        if (!(maxSuppressed >= 0 && maxSuppressed < 1)) {
            throw new CliException("--max-suppressed must be in [0, 1), not " + maxSuppressed);
        }
        KAnonymousExport.Result result;
        try (FactLog log = FactLog.openReadOnly(facts)) {
            result = KAnonymousExport.build(log::scan, k, maxSuppressed);
        } catch (KAnonymousExport.Refused e) {
            throw new CliException(e.getMessage());
        }
        write(result);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("exported %d rows to %s: k=%d at level %s; %d of %d payments suppressed in %d classes%n",
                result.rows().size(), out.toAbsolutePath(), k, result.level().name().toLowerCase(java.util.Locale.ROOT),
                result.suppressedPayments(), result.payments(), result.suppressedClasses());
        return ExitCodes.OK;
    }

    private void write(KAnonymousExport.Result result) {
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("period,area,creator,currency,payments,payers,amount_minor\n");
            for (KAnonymousExport.Row r : result.rows()) {
                w.write(String.join(",", csv(r.period()), csv(r.area()), csv(r.creator()), csv(r.currency()),
                        Long.toString(r.payments()), Long.toString(r.subjects()), Long.toString(r.amount())) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + tmp + " to " + out, e);
        }
    }

    /** Ids are A-Z a-z 0-9 . _ : - and need no quoting; anything else is quoted. */
    private static String csv(String s) {
        return s.matches("[A-Za-z0-9._:*-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
