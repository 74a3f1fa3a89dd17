package dev.farthing.recordlog;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * How the sync thread makes a written group durable. {@link #FSYNC} ({@code force(false)}: data and the
 * size, fdatasync) is the only production choice; tests substitute one that fails to model a power cut.
 */
@FunctionalInterface
public interface Durability {
    Durability FSYNC = channel -> channel.force(false);

    void force(FileChannel channel) throws IOException;
}
