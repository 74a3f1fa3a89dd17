package dev.farthing.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.farthing.cli.CliCommandsTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flag conventions hold for every command the CLI has (walked from the command tree, not listed by hand):
 * {@code --data} is a data directory, dataset files are {@code --dataset}, and every help line that summarises a
 * command, an option or a parameter is a whole sentence.
 */
class FlagConventionsTest {
    @TempDir
    Path tmp;

    private static List<CommandLine> allCommands() {
        List<CommandLine> out = new ArrayList<>();
        collect(FarthingCommand.newCommandLine(), out);
        return out;
    }

    private static void collect(CommandLine cli, List<CommandLine> out) {
        out.add(cli);
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    /** Starts with a capital letter (or a quoted/flag word) and ends with a full stop. */
    private static boolean isSentence(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        char first = t.charAt(0);
        boolean opens = Character.isUpperCase(first) || first == '\'' || first == '`' || first == '-' || first == '$';
        return opens && (t.endsWith(".") || t.endsWith(".)") || t.endsWith(".\""));
    }

    @Test
    void everyHelpSummaryIsAWholeSentence() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cli : allCommands()) {
            CommandSpec spec = cli.getCommandSpec();
            if (spec.userObject() instanceof CommandLine.HelpCommand) {
                continue; // picocli's own
            }
            String[] description = spec.usageMessage().description();
            if (!isSentence(String.join(" ", description))) {
                bad.add(spec.qualifiedName() + ": " + String.join(" ", description));
            }
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) {
                    continue;
                }
                String text = String.join(" ", o.description());
                if (!isSentence(text)) {
                    bad.add(spec.qualifiedName() + " " + o.longestName() + ": " + text);
                }
            }
            for (PositionalParamSpec p : spec.positionalParameters()) {
                String text = String.join(" ", p.description());
                if (!p.hidden() && !isSentence(text)) {
                    bad.add(spec.qualifiedName() + " " + p.paramLabel() + ": " + text);
                }
            }
        }
        assertThat(bad).as("help lines that are not whole sentences").isEmpty();
    }

    @Test
    void dataIsADirectoryEverywhereAndDatasetsAreDataset() {
        List<String> bad = new ArrayList<>();
        for (CommandLine cli : allCommands()) {
            CommandSpec spec = cli.getCommandSpec();
            OptionSpec data = spec.findOption("--data");
            if (data != null && !data.hidden() && !data.paramLabel().equals("DIR")) {
                bad.add(spec.qualifiedName() + " --data " + data.paramLabel());
            }
            OptionSpec dataset = spec.findOption("--dataset");
            if (dataset != null && !dataset.paramLabel().equals("FILE")) {
                bad.add(spec.qualifiedName() + " --dataset " + dataset.paramLabel());
            }
            for (OptionSpec o : spec.options()) {
                if (!o.hidden() && o.longestName().matches("--data-?(dir|file|path)")) {
                    bad.add(spec.qualifiedName() + " " + o.longestName() + " (use --data DIR or --dataset FILE)");
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void serveIsLocalByDefaultAndRefusesABusyPortBeforeCreatingAnything() throws Exception {
        String help = run("serve", "--help").out();
        assertThat(help).contains("--host=ADDR", "Default: 127.0.0.1", "--header-timeout", "--body-timeout",
                "--idle-timeout");
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path data = tmp.resolve("never");
            CliCommandsTest.Result r = run("serve", "--data", data.toString(), "--port",
                    Integer.toString(busy.getLocalPort()));
            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
            assertThat(r.out()).doesNotContain("fk_");
            assertThat(Files.exists(data)).as("no data directory created").isFalse();
        }
        assertThat(run("serve", "--header-timeout", "soon").exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void olderSpellingsStillWorkButAreHidden() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(run("model", "list", "--data", data.toString()).out()).contains("No models registered");
        assertThat(run("model", "list", "--data-dir", data.toString()).out()).as("--data-dir, hidden alias")
                .contains("No models registered");
        assertThat(run("model", "list", "--help").out()).contains("--data").doesNotContain("--data-dir");

        Path traffic = tmp.resolve("traffic.jsonl");
        Files.writeString(traffic, "");
        CliCommandsTest.Result dataset = run("policy", "backtest", "--dataset", traffic.toString());
        CliCommandsTest.Result older = run("policy", "backtest", "--data", traffic.toString());
        assertThat(older.exit()).as(older.err()).isEqualTo(dataset.exit()).isZero();
        assertThat(older.out()).isEqualTo(dataset.out());
        assertThat(run("policy", "backtest", "--help").out()).contains("--dataset=FILE").doesNotContain("--data=");

        CliCommandsTest.Result directory = run("policy", "backtest", "--data", tmp.toString());
        assertThat(directory.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(directory.err()).contains("--data is a data directory", "--dataset FILE");
        CliCommandsTest.Result missing = run("model", "eval", "--format", "paysim");
        assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("--dataset FILE");
    }
}
