package dev.farthing.cli;

import dev.farthing.cli.model.ModelCommand;
import dev.farthing.cli.policy.PolicyCommand;
import dev.farthing.cli.simulate.SimulateCommand;
import dev.farthing.cli.watchtower.WatchtowerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** The {@code farthing} command: entry point of the shaded jar and of the {@code ./farthing} launcher. */
@Command(name = "farthing", mixinStandardHelpOptions = true, versionProvider = FarthingCommand.Version.class,
        description = "Farthing: a micropayment engine built on a wallet ledger that cannot lose money.",
        subcommands = {ServeCommand.class, InitCommand.class, KeysCommand.class, VerifyCommand.class,
                SnapshotCommand.class, BenchCommand.class, ModelCommand.class, PolicyCommand.class,
                SimulateCommand.class, WatchtowerCommand.class, RetentionCommand.class,
                SanctionsCommand.class, AuditCommand.class, PayoutsCommand.class, ExportCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (the message says what and what to do)",
                "2:verification failed (farthing verify)", "64:usage error (unknown command or bad option)"},
        footer = {"", "Run 'farthing <command> --help' for a command's options.",
                "Set FARTHING_DEBUG=1 to print stack traces with errors,",
                "FARTHING_LOG_LEVEL=DEBUG|INFO|WARN for more or less logging (on stderr)."})
public final class FarthingCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** A fully configured command line; tests run commands in-process through it. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new FarthingCommand());
        useUsageExitCode(cli);
        cli.setExecutionExceptionHandler(FarthingCommand::reportFailure);
        return cli;
    }

    private static void useUsageExitCode(CommandLine cli) {
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        cli.getSubcommands().values().forEach(FarthingCommand::useUsageExitCode);
    }

    /** Errors are one line naming the command, not a stack trace, unless FARTHING_DEBUG asks for one. */
    private static int reportFailure(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        err.println(cli.getColorScheme().errorText(command + ": " + describe(ex)));
        if (System.getenv("FARTHING_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof CliException cliEx ? cliEx.exitCode() : ExitCodes.ERROR;
    }

    /** The top-level message plus the root cause when it adds something (e.g. the OS error behind it). */
    static String describe(Throwable ex) {
        if (ex instanceof CliException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = oneLine(ex);
        if (root == ex || top.contains(String.valueOf(root.getMessage()))) {
            return top;
        }
        return top + " (caused by " + oneLine(root) + ")";
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message;
    }

    /** The version stamped into the shaded jar's manifest; "development" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FarthingCommand.class.getPackage().getImplementationVersion();
            return new String[] {"farthing " + (v == null ? "development build" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
