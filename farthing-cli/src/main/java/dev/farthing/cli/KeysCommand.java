package dev.farthing.cli;

import dev.farthing.server.ApiKeys;
import dev.farthing.server.KeyInfo;
import dev.farthing.server.Role;
import dev.farthing.server.keys.KeyMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code farthing keys create|list|revoke}: manages the API keys of a data directory. */
@Command(name = "keys",
        description = {"Manage API keys. Keys are stored hashed; a new key is shown once.",
                "Roles: admin (everything), operator (moves money, reads), auditor (reads only)."},
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Runnable {

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: create, list or revoke");
    }

    @Command(name = "create", description = "Create a key and print it (once).")
    static final class Create implements Callable<Integer> {

        @Mixin
        private HelpOption help;

        @Mixin
        private DataDirOption data;

        @Option(names = "--role", required = true, paramLabel = "ROLE", converter = RoleConverter.class,
                description = "The key's role: admin, operator, auditor, compliance or reviewer.")
        private Role role;

        @Option(names = "--label", paramLabel = "TEXT", defaultValue = "",
                description = "Free text to recognise the key by in 'keys list'.")
        private String label;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Path dir = data.requireInitialised();
            String key;
            try {
                key = ApiKeys.create(dir, role, label);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), ExitCodes.USAGE, e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Created " + role.wire() + " key " + KeyMaterial.idOf(key)
                    + (label.isEmpty() ? "" : " (" + label + ")") + " in " + dir);
            AdminKeyBanner.print(out, "API key (shown once, store it now): " + key);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "List keys: id, role, label, created, revoked. Never shows secrets.")
    static final class ListKeys implements Callable<Integer> {

        @Mixin
        private HelpOption help;

        @Mixin
        private DataDirOption data;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<KeyInfo> keys = ApiKeys.list(data.requireInitialised());
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-12s %-9s %-21s %-21s %s%n";
            out.printf(Locale.ROOT, format, "ID", "ROLE", "CREATED", "REVOKED", "LABEL");
            for (KeyInfo k : keys) {
                out.printf(Locale.ROOT, format, k.id(), k.role().wire(), seconds(k.createdAt()),
                        k.revoked() ? seconds(k.revokedAt()) : "-", k.label());
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static String seconds(Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    @Command(name = "revoke", description = "Revoke a key by id (the first characters of the key, as 'keys list' shows).")
    static final class Revoke implements Callable<Integer> {

        @Mixin
        private HelpOption help;

        @Mixin
        private DataDirOption data;

        @Parameters(paramLabel = "ID", description = "Key id, e.g. fk_Ab3dE9xQ.")
        private String keyId;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!ApiKeys.revoke(data.requireInitialised(), keyId)) {
                throw new CliException("no active key with id " + keyId + " (see: farthing keys list)");
            }
            spec.commandLine().getOut().println("Revoked key " + keyId
                    + ". A running server refuses it within a second.");
            return ExitCodes.OK;
        }
    }

    /** Accepts the wire names case-insensitively and lists them when the value is wrong. */
    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.fromWire(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
