package dev.farthing.cli.policy;

import dev.farthing.cli.FarthingCommand;
import dev.farthing.risk.dataset.Label;
import dev.farthing.risk.dataset.PaymentDataset;
import dev.farthing.risk.dataset.PaymentRecord;
import dev.farthing.contracts.payment.PaymentContext;
import dev.farthing.contracts.payment.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code farthing policy check|backtest} run in-process: exit codes and what they print. */
class PolicyCommandTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_767_225_600L * SECOND; // 2026-01-01T00:00:00Z

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FarthingCommand.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void checkListsRulesOfAGoodPolicy() throws Exception {
        Path file = Files.writeString(tmp.resolve("ok.policy"),
                "policy ok\nrule fast: features.payer_count_1m >= 3 => challenge \"velocity_burst\"\n");
        Result r = run("policy", "check", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("policy ok, version ok-", "1 rules", "challenge", "velocity_burst");
    }

    @Test
    void checkReportsEveryErrorWithFileLineAndColumn() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.policy"), """
                policy bad
                rule typo: features.payer_count_1mm > 3 => review "x"
                rule types: payment.currency > 3 => review "y"
                """);
        Result r = run("policy", "check", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":2:12: rule typo: unknown feature 'payer_count_1mm'")
                .contains(file + ":3:30: rule types: found no matching overload");
    }

    @Test
    void backtestPrintsCountsTransitionsScenariosAndChanges() throws Exception {
        Path data = tmp.resolve("traffic.jsonl");
        PaymentDataset.write(data, traffic());
        Path strict = Files.writeString(tmp.resolve("strict.policy"),
                "policy strict\nfeatures.payer_count_1m >= 3 => decline \"velocity_burst\"\n");
        Result r = run("policy", "backtest", "--data", data.toString(), "--policy", strict.toString(),
                "--baseline", strict.toString(), "--changed", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("backtest of 12 payments", "model: none", "transitions", "velocity",
                "0 payments changed");

        Result vsDefault = run("policy", "backtest", "--data", data.toString(), "--policy", strict.toString(),
                "--changed", "2");
        assertThat(vsDefault.exit()).as(vsDefault.err()).isZero();
        assertThat(vsDefault.out()).contains("candidate strict-", "baseline default-", "legit", "caught",
                "declined 0.000% friction 0.000%");
    }

    @Test
    void backtestOfAMissingFileFailsClearly() {
        Result r = run("policy", "backtest", "--data", tmp.resolve("nope.jsonl").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("nope.jsonl");
    }

    /** One bot paying every second for 8 s (labelled fraud), then four legit payments by different people. */
    private static List<PaymentRecord> traffic() {
        List<PaymentRecord> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            out.add(new PaymentRecord(START + i * SECOND, pay("b" + i, "acct-bot", "dev-bot"), Label.FRAUD,
                    "velocity", "velocity-1"));
        }
        for (int i = 0; i < 4; i++) {
            out.add(new PaymentRecord(START + (20 + i) * SECOND, pay("l" + i, "acct-" + i, "dev-" + i), Label.LEGIT,
                    "legit", null));
        }
        return out;
    }

    private static PaymentRequest pay(String id, String payer, String device) {
        PaymentContext ctx = new PaymentContext(device, "10.0.0." + Math.abs(payer.hashCode() % 200), "DE", null,
                null, null, null, PaymentContext.UNKNOWN, null, PaymentContext.UNKNOWN, null);
        return new PaymentRequest("pay-" + id, payer, "acct-creator", 25, "EUR", null, ctx);
    }
}
