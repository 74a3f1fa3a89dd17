package dev.farthing.risk.policy;

import dev.farthing.model.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy files as whole-file writes a crash leaves either old or new, with unchecked errors for the store. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** {@link AtomicFile#write}: unique temporary sibling, fsync, atomic rename, fsync of the folder. */
    static void write(Path target, byte[] content) {
        try {
            AtomicFile.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
