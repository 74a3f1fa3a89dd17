package dev.farthing.bench.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the PostgreSQL binaries and runs them, as an unprivileged user when this JVM is root (initdb and
 * postgres refuse to run as root). Search order for the binaries: {@code $FARTHING_PG_BIN}, the newest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian), {@code /usr/local/pgsql/bin}, {@code /usr/local/bin},
 * {@code /usr/bin}.
 */
final class PgCommands {
    private final Path bin;
    private final String user;
    private final List<String> asUser;

    private PgCommands(Path bin, String user, List<String> asUser) {
        this.bin = bin;
        this.user = user;
        this.asUser = asUser;
    }

    static PgCommands detect() throws PostgresServer.Unavailable {
        Path bin = findBin();
        if (!isRoot()) {
            return new PgCommands(bin, null, List.of());
        }
        String user = existingUser("postgres") ? "postgres" : existingUser("nobody") ? "nobody" : null;
        if (user == null) {
            throw new PostgresServer.Unavailable("running as root and neither user 'postgres' nor 'nobody' exists to run PostgreSQL");
        }
        if (onPath("runuser")) {
            return new PgCommands(bin, user, List.of("runuser", "-u", user, "--"));
        }
        if (onPath("setpriv")) {
            return new PgCommands(bin, user, List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        }
        throw new PostgresServer.Unavailable("running as root and neither runuser nor setpriv is available to drop privileges for PostgreSQL");
    }

    private static Path findBin() throws PostgresServer.Unavailable {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("FARTHING_PG_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparing(PgCommands::versionOf).reversed())
                    .forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException ignored) {
            // not a Debian layout
        }
        candidates.addAll(List.of(Path.of("/usr/local/pgsql/bin"), Path.of("/usr/local/bin"), Path.of("/usr/bin")));
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl"))) {
                return dir;
            }
        }
        throw new PostgresServer.Unavailable("PostgreSQL binaries (initdb, pg_ctl) not found in " + candidates
                + "; install PostgreSQL (e.g. apt-get install postgresql-15) or set FARTHING_PG_BIN");
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A new empty directory the PostgreSQL user owns; falls back to the temp dir if it cannot reach {@code parent}. */
    Path createOwnedDirectory(Path parent) throws PostgresServer.Unavailable {
        try {
            Path dir = parent == null ? Files.createTempDirectory("farthing-pg-")
                    : Files.createTempDirectory(Files.createDirectories(parent), "farthing-pg-");
            if (user == null) {
                return dir;
            }
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(user));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (runQuietly(List.of("test", "-w", dir.toString()))) {
                return dir;
            }
            Files.delete(dir);
            if (parent != null) {
                return createOwnedDirectory(null); // e.g. --data under /root, which user postgres cannot enter
            }
            throw new PostgresServer.Unavailable("user " + user + " cannot write to " + dir);
        } catch (IOException e) {
            throw new PostgresServer.Unavailable("cannot create a PostgreSQL directory: " + e.getMessage());
        }
    }

    /** Runs a PostgreSQL binary (first element, resolved in the bin directory); throws with its output on failure. */
    String run(List<String> args, long timeoutS) throws PostgresServer.Unavailable {
        List<String> command = new ArrayList<>(asUser);
        command.add(bin.resolve(args.getFirst()).toString());
        command.addAll(args.subList(1, args.size()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new PostgresServer.Unavailable(String.join(" ", command) + " did not finish in " + timeoutS + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new PostgresServer.Unavailable(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new PostgresServer.Unavailable("cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresServer.Unavailable("interrupted while running " + args.getFirst());
        }
    }

    String version() {
        try {
            return run(List.of("postgres", "--version"), 30).trim();
        } catch (PostgresServer.Unavailable e) {
            return "PostgreSQL (version unknown)";
        }
    }

    private boolean runQuietly(List<String> args) {
        List<String> command = new ArrayList<>(asUser);
        command.addAll(args);
        return exitsZero(command);
    }

    private static boolean isRoot() {
        return exitsZeroWithOutput(List.of("id", "-u"), "0");
    }

    private static boolean existingUser(String name) {
        return exitsZero(List.of("id", "-u", name));
    }

    private static boolean onPath(String tool) {
        return exitsZero(List.of("sh", "-c", "command -v " + tool));
    }

    private static boolean exitsZero(List<String> command) {
        return exitsZeroWithOutput(command, null);
    }

    private static boolean exitsZeroWithOutput(List<String> command, String expected) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && (expected == null || expected.equals(out));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
