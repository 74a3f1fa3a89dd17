package dev.farthing.cli;

import dev.farthing.audit.AuditLog;
import dev.farthing.audit.AuditVerification;
import dev.farthing.recordlog.RecordLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code farthing audit verify}: re-proves the hash chain of a data directory's audit trail. */
@Command(name = "audit",
        description = "The audit trail (DATA/audit): hash-chained records of every decision and admin or key action.",
        subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: verify");
    }

    @Command(name = "verify",
            description = {"Re-prove the audit trail's hash chain: every record decodes, its hash matches, its",
                    "sequence and previous hash follow the record before. Prints VERIFIED with the chain head",
                    "(exit 0) or FAILED naming the first bad record (exit 2). Stop the server first (a running",
                    "server re-proves its own chain at GET /v1/audit/verify)."})
    static final class Verify implements Callable<Integer> {

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
            Path audit = dir.resolve("audit");
            if (VerifyCommand.isServedByAnotherProcess(dir)) {
                // Opening the log applies the torn-tail rule, which must not race the server's writer.
                err.println("a server is running on " + dir + ": stop it, or ask it with GET /v1/audit/verify");
                return ExitCodes.ERROR;
            }
            if (!RecordLog.exists(audit)) {
                err.println("no audit trail in " + audit + " (a server creates it on its first start)");
                return ExitCodes.ERROR;
            }
            AuditVerification v;
            try {
                v = AuditLog.verify(audit);
            } catch (RuntimeException e) {
                out.println("FAILED: " + e.getMessage());
                out.flush();
                return ExitCodes.VERIFY_FAILED;
            }
            out.println(v.verdict());
            out.flush();
            return v.ok() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
        }
    }
}
