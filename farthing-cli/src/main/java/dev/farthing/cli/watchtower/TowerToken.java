package dev.farthing.cli.watchtower;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The bearer token wallets upload with. Given on the command line, or else created once (256 random bits)
 * and kept owner-readable in the tower's data directory so it survives restarts.
 */
final class TowerToken {
    static final String FILE = "tower-token";

    private TowerToken() {
    }

    /** The stored token, or null when none exists yet. */
    static String read(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String create(Path dir) {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String token = "ftw_" + HexFormat.of().formatHex(raw);
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            try {
                // Created owner-only, so the token is never readable by others, not even for a moment.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the directory's own permissions protect it.
            }
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
