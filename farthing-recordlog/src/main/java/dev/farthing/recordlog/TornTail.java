package dev.farthing.recordlog;

import java.nio.file.Path;

/**
 * A torn tail found when a log was opened: {@code bytes} bytes of {@code file} from {@code offset} on were an
 * unfinished, never acknowledged write, cut back to the last whole batch (reported, not cut, by a read-only open).
 */
public record TornTail(Path file, long offset, long bytes) {
}
