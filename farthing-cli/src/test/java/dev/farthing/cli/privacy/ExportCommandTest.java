package dev.farthing.cli.privacy;

import dev.farthing.cli.FarthingCommand;
import dev.farthing.customers.analytics.FactLog;
import dev.farthing.customers.analytics.PaymentFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing export}: a k-anonymous CSV of the payment facts, or a refusal that writes nothing. */
class ExportCommandTest {
    @TempDir
    Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static void facts(Path data, int payers) {
        long day = LocalDate.parse("2026-12-01").toEpochDay();
        try (FactLog log = FactLog.open(data.resolve("analytics").resolve("facts"), false)) {
            for (int p = 0; p < payers; p++) {
                log.append(new PaymentFact("subject_" + p, "creator-a", p % 2 == 0 ? "DE" : "FR", day + p % 5, "EUR", 250)).join();
            }
        }
    }

    @Test
    void writesOnlyClassesOfAtLeastKPayers() throws IOException {
        Path data = tmp.resolve("data");
        facts(data, 42);
        Path csv = tmp.resolve("payments.csv");
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "export", "--data", data.toString(), "--out", csv.toString())).isZero();
        assertThat(out.toString()).contains("exported 2 rows", "k=10", "week_country_creator", "0 of 42 payments suppressed");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).containsExactly("period,area,creator,currency,payments,payers,amount_minor",
                "2026-W49,DE,creator-a,EUR,21,21,5250", "2026-W49,FR,creator-a,EUR,21,21,5250"); // 3 payers a day: days generalised
    }

    @Test
    void refusesWhatWouldStillBreakKAnonymity() {
        Path data = tmp.resolve("data");
        facts(data, 6);
        Path csv = tmp.resolve("payments.csv");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "export", "--data", data.toString(), "--out", csv.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot export k-anonymously with k=10", "6 of 6 payments");
        assertThat(csv).doesNotExist();
        assertThat(run(new StringWriter(), new StringWriter(), "export", "--data", data.toString(), "--out", csv.toString(),
                "--k", "1")).isEqualTo(1);
    }
}
