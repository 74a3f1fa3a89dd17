package dev.farthing.cli;

import dev.farthing.ledger.model.Currency;
import dev.farthing.ledger.api.LedgerVerification;
import dev.farthing.ledger.api.VerifyReport;
import dev.farthing.recordlog.DirectoryLock;
import dev.farthing.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code farthing verify}: an offline proof of a data directory. Re-proves every checksum and the hash
 * chain of the journal, replays it, recomputes every balance from its entries and checks the snapshots.
 * Read-only. Exit 0 with {@code VERIFIED: ...}, or 2 with {@code FAILED: <what> (<file> at offset <n>)}.
 */
@Command(name = "verify",
        description = {"Prove a data directory offline: hash chain, balances, snapshots.",
                "Re-proves every journal checksum and the hash chain, recomputes every balance from its entries,",
                "checks debits equal credits per currency and that snapshots match the journal. Prints",
                "VERIFIED (exit 0) or FAILED with file and offset (exit 2). Never modifies the directory."})
public final class VerifyCommand implements Callable<Integer> {

    @Mixin
    private HelpOption help;

    @Mixin
    private DataDirOption data;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = data.requireExisting();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (isServedByAnotherProcess(dir)) {
            err.println("note: a server is running on " + dir + "; its newest writes may show as an"
                    + " unacknowledged tail. Stop it for a complete proof.");
        }
        // The same currencies `farthing serve` opens the ledger with: the replay refuses unknown ones.
        List<Currency> currencies = ServerOptions.defaults(dir, 0).ledgerConfig().currencies();
        VerifyReport report = verifyWithProgress(dir, currencies, err);
        out.println(verdict(report));
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    private static VerifyReport verifyWithProgress(Path dir, List<Currency> currencies, PrintWriter err) {
        ProgressBar bar = ProgressBar.bytes(err, "verifying journal");
        try {
            return LedgerVerification.verify(dir, currencies, bar::update);
        } finally {
            bar.finish();
        }
    }

    /** The report's verdict, without repeating file and offset when the problem already names them. */
    static String verdict(VerifyReport report) {
        if (!report.ok() && report.file() != null && report.problem() != null
                && report.problem().contains(report.file())) {
            return "FAILED: " + report.problem();
        }
        return report.verdict();
    }

    /**
     * True when another process holds the data directory's lock. The lock is tried and released at once;
     * verify itself needs no lock because it only reads.
     */
    static boolean isServedByAnotherProcess(Path dir) {
        return DirectoryLock.isHeld(dir, "LOCK");
    }
}
