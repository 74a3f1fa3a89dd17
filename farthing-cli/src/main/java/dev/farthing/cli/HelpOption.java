package dev.farthing.cli;

import picocli.CommandLine.Option;

/** Just {@code -h/--help} for subcommands: the version belongs to the top-level command only. */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
